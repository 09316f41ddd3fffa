using System.Net.Http.Json;
using Signups.AppHost.Hosting;
using Signups.Messaging.Kafka.Consuming;

namespace Signups.AppHost.Pipeline;

/// <summary>Asks every running replica of the pipeline's consumers for its <c>GET /stats</c>.</summary>
internal sealed class WorkerStatsReader(DistributedApplication app, PipelineShape shape) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(1) };

    /// <summary>Per consumer resource, the replicas that answered.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ReplicaStats>>> ReadAsync(CancellationToken cancellationToken)
    {
        var answers = await Task.WhenAll(shape.Consumers.Select(async consumer =>
        {
            var replicas = app.GetProject(consumer.Resource).Replicas
                .Where(r => r is { State: ResourceState.Running, Endpoint: not null });
            var stats = await Task.WhenAll(replicas.Select(r => AskAsync(r, cancellationToken)));
            return (consumer.Resource, Stats: (IReadOnlyList<ReplicaStats>)[.. stats.OfType<ReplicaStats>()]);
        }));
        return answers.ToDictionary(a => a.Resource, a => a.Stats, StringComparer.Ordinal);
    }

    public void Dispose() => _http.Dispose();

    private async Task<ReplicaStats?> AskAsync(ReplicaSnapshot replica, CancellationToken cancellationToken)
    {
        try
        {
            var stats = await _http.GetFromJsonAsync<ConsumerStats>(new Uri(replica.Endpoint!, "/stats"), cancellationToken);
            return stats is null ? null : new ReplicaStats(replica.Name, replica.ProcessId, stats);
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Starting, stopping or just killed: it is simply not counted this time.
            return null;
        }
    }
}
