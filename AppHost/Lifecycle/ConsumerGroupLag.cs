using System.Net.Http.Json;
using Confluent.Kafka;
using Signups.Consuming;

namespace Signups.AppHost.Lifecycle;

/// <summary>
/// Messages on a topic that a consumer group has neither committed nor fetched: per partition, the topic's end past the
/// furthest of the group's committed offset and the positions its replicas report (<c>GET /stats</c>). A worker that
/// has fetched everything is caught up even before it commits (the batch worker commits with its next batch).
/// </summary>
internal static class ConsumerGroupLag
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(1) };

    public static async Task<long> ReadAsync(string bootstrapServers, string topic, string group, IEnumerable<Uri> replicas, CancellationToken cancellationToken)
    {
        var positions = new Dictionary<int, long>();
        foreach (var replica in replicas)
        {
            try
            {
                var stats = await Http.GetFromJsonAsync<ConsumerStats>(new Uri(replica, "/stats"), cancellationToken);
                foreach (var (partition, position) in stats?.Positions ?? new Dictionary<int, long>())
                {
                    positions[partition] = Math.Max(position, positions.GetValueOrDefault(partition));
                }
            }
            catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // A replica that does not answer counts with what its group committed.
            }
        }

        return await Task.Run(() => Behind(bootstrapServers, topic, group, positions), cancellationToken);
    }

    private static long Behind(string bootstrapServers, string topic, string group, Dictionary<int, long> positions)
    {
        // Asks for the group's committed offsets without joining it: no subscription, no assignment.
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = group,
            EnableAutoCommit = false,
            SocketTimeoutMs = 5000,
        }).SetLogHandler((_, _) => { }).Build();
        using var admin = new DependentAdminClientBuilder(consumer.Handle).Build();
        var partitions = admin.GetMetadata(topic, RequestTimeout).Topics.Single().Partitions
            .Select(p => new TopicPartition(topic, p.PartitionId)).ToList();
        var committed = consumer.Committed(partitions, RequestTimeout).ToDictionary(c => c.Partition.Value, c => c.Offset.Value);
        return partitions.Sum(p =>
        {
            var end = consumer.QueryWatermarkOffsets(p, RequestTimeout).High.Value;
            var done = Math.Max(Math.Max(0, committed.GetValueOrDefault(p.Partition.Value)), positions.GetValueOrDefault(p.Partition.Value));
            return Math.Max(0, end - done);
        });
    }
}
