using Confluent.Kafka;

namespace Signups.Consuming;

/// <summary>
/// Tells Kafka what the store has persisted: offsets are stored on the consumer (thread-safe) and
/// committed by librdkafka's auto-commit every second, so lag tools see progress. Kafka's copy may lag
/// behind the store's; it never runs ahead of it.
/// </summary>
public sealed class KafkaOffsetCommitter
{
    private volatile IConsumer<byte[], byte[]>? _consumer;

    internal void Attach(IConsumer<byte[], byte[]>? consumer) => _consumer = consumer;

    /// <summary>Records that everything before <paramref name="next"/> is persisted.</summary>
    public void MarkPersisted(TopicPartitionOffset next)
    {
        try
        {
            _consumer?.StoreOffset(next);
        }
        catch (KafkaException e) when (e.Error.Code is ErrorCode.Local_State or ErrorCode.Local_UnknownPartition)
        {
            // The partition is no longer ours; its new owner resumes from the store.
        }
    }
}
