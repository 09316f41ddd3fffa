using Confluent.Kafka;
using Polly;

namespace Signups.Consuming;

/// <summary>Where newly assigned partitions start: the handler's stored offsets, else Kafka's committed offset.</summary>
internal static class StoredOffsets
{
    public static IReadOnlyList<TopicPartitionOffset> StartPositions(
        IMessageBatchHandler handler,
        ResiliencePipeline retry,
        string topic,
        IReadOnlyList<TopicPartition> partitions,
        CancellationToken cancellationToken)
    {
        if (partitions.Count == 0)
        {
            return [];
        }

        // Runs on the consume thread inside the rebalance callback, which must not return before it knows.
        var stored = retry.ExecuteAsync(
            async token => await handler.ReadNextOffsetsAsync(topic, [.. partitions.Select(p => p.Partition.Value)], token),
            cancellationToken).AsTask().GetAwaiter().GetResult();
        return [.. partitions.Select(p => stored.TryGetValue(p.Partition.Value, out var next)
            ? new TopicPartitionOffset(p, new Offset(next))
            : new TopicPartitionOffset(p, Offset.Unset))];
    }
}
