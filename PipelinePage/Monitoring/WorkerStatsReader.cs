using Microsoft.Extensions.Options;
using OpenTelemetry;
using Signups.Consuming;

namespace Signups.PipelinePage.Monitoring;

/// <summary>
/// Asks each consumer service for its <c>GET /stats</c> at the address the AppHost gave
/// (<c>services__{name}__http__0</c>). With several replicas, Aspire's endpoint is a proxy in front of them and one
/// of them answers each request: the page then shows that replica's counters (Kafka's figures stay exact).
/// </summary>
internal sealed class WorkerStatsReader(IConfiguration configuration, IOptions<PipelinePageOptions> options) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(1) };

    /// <summary>Per consumer service, the replicas that answered.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ReplicaStats>>> ReadAsync(CancellationToken cancellationToken)
    {
        var answers = await Task.WhenAll(options.Value.Consumers.Select(async consumer =>
        {
            var stats = configuration[$"services:{consumer.Resource}:http:0"] is { } address
                ? await AskAsync(consumer.Resource, new Uri(new Uri(address), "/stats"), cancellationToken)
                : null;
            return (consumer.Resource, Stats: (IReadOnlyList<ReplicaStats>)(stats is null ? [] : [stats]));
        }));
        return answers.ToDictionary(a => a.Resource, a => a.Stats, StringComparer.Ordinal);
    }

    public void Dispose() => _http.Dispose();

    private async Task<ReplicaStats?> AskAsync(string resource, Uri stats, CancellationToken cancellationToken)
    {
        try
        {
            // A poll every second is no trace anyone looks for.
            using var untraced = SuppressInstrumentationScope.Begin();
            var answer = await _http.GetFromJsonAsync<ConsumerStats>(stats, cancellationToken);
            return answer is null ? null : new ReplicaStats(resource, null, answer);
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Starting, stopping or just killed: it is simply not counted this time.
            return null;
        }
    }
}
