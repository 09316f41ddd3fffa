using System.Net.Http.Json;
using Signups.Consuming;

namespace Signups.IntegrationTests.Infrastructure;

/// <summary>Reads the workers' <c>GET /stats</c>.</summary>
internal static class WorkerStats
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>The stats of every running replica of <paramref name="worker"/> (replicas not answering are left out).</summary>
    public static async Task<IReadOnlyList<ConsumerStats>> ReadAsync(GraphResource worker, CancellationToken cancellationToken)
    {
        var stats = new List<ConsumerStats>();
        foreach (var replica in worker.Replicas.Where(r => r.IsRunning && r.Endpoint is not null))
        {
            try
            {
                stats.Add((await Http.GetFromJsonAsync<ConsumerStats>(new Uri(replica.Endpoint!, "/stats"), cancellationToken))!);
            }
            catch (HttpRequestException)
            {
                // Between a kill and the restart the replica does not answer.
            }
        }

        return stats;
    }
}
