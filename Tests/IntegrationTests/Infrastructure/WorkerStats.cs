using System.Net.Http.Json;
using Signups.AppHost.Hosting;

namespace Signups.IntegrationTests.Infrastructure;

/// <summary>A worker replica's <c>GET /stats</c>.</summary>
internal sealed record WorkerStats(
    string Group,
    bool Joined,
    int[] Partitions,
    Dictionary<int, long> Positions,
    bool Paused,
    long Received,
    int Pending,
    long Processed,
    long Redelivered,
    long DeadLettered,
    long Batches,
    int LastBatchSize)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>The stats of every running replica of <paramref name="worker"/> (replicas not answering are left out).</summary>
    public static async Task<IReadOnlyList<WorkerStats>> ReadAsync(ProjectResource worker, CancellationToken cancellationToken)
    {
        var stats = new List<WorkerStats>();
        foreach (var replica in worker.Replicas.Where(r => r.State == ResourceState.Running && r.Endpoint is not null))
        {
            try
            {
                stats.Add((await Http.GetFromJsonAsync<WorkerStats>(new Uri(replica.Endpoint!, "/stats"), cancellationToken))!);
            }
            catch (HttpRequestException)
            {
                // Between a kill and the restart the replica does not answer.
            }
        }

        return stats;
    }

    public override string ToString() =>
        $"{Group}: partitions [{string.Join(",", Partitions)}], received {Received}, pending {Pending}, processed {Processed}, redelivered {Redelivered}, dead-lettered {DeadLettered}, batches {Batches}";
}
