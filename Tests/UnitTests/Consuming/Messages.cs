using Confluent.Kafka;

namespace Signups.UnitTests.Consuming;

/// <summary>Consumed messages as the consume loop would hand them over.</summary>
internal static class Messages
{
    public const string Topic = "user_signups";

    public static ConsumeResult<byte[], byte[]> At(int partition, long offset) => new()
    {
        TopicPartitionOffset = new TopicPartitionOffset(Topic, partition, offset),
        Message = new Message<byte[], byte[]> { Key = [], Value = [] },
    };

    public static TopicPartition Partition(int partition) => new(Topic, partition);
}
