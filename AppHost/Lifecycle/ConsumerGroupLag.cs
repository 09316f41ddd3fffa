using Confluent.Kafka;

namespace Signups.AppHost.Lifecycle;

/// <summary>Messages on a topic past what a consumer group has committed, over all partitions.</summary>
internal static class ConsumerGroupLag
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    public static long Read(string bootstrapServers, string topic, string group)
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
            return Math.Max(0, end - Math.Max(0, committed.GetValueOrDefault(p.Partition.Value)));
        });
    }
}
