using Confluent.Kafka;

namespace Signups.Consuming;

/// <summary>
/// How consumed messages become batches for an <see cref="IMessageBatchHandler"/>. The consume loop calls
/// every member from its polling thread.
/// </summary>
public interface IPartitionProcessor
{
    /// <summary>
    /// Whether fetching of a partition paused because <see cref="TryTake"/> refused its message may resume: there is
    /// room again, with some slack, so that fetching does not stop and start at every message.
    /// </summary>
    bool CanResume(TopicPartition partition);

    /// <summary>Messages taken and not yet persisted (read from other threads: approximate).</summary>
    int Pending { get; }

    /// <summary>Where to start newly assigned partitions: the handler's stored offsets, or <see cref="Offset.Unset"/> to use Kafka's.</summary>
    IReadOnlyList<TopicPartitionOffset> OnAssigned(string topic, IReadOnlyList<TopicPartition> partitions);

    /// <summary>
    /// Finishes and persists everything taken from partitions being given up, before they are; returns the next
    /// offsets to commit to Kafka for them.
    /// </summary>
    IReadOnlyList<TopicPartitionOffset> OnRevoked(IReadOnlyList<TopicPartition> partitions);

    /// <summary>Partitions already owned by another member: persists nothing more taken from them.</summary>
    void OnLost(IReadOnlyList<TopicPartition> partitions);

    /// <summary>Takes a message, or returns false when full; the loop then pauses fetching that partition and offers it again.</summary>
    bool TryTake(ConsumeResult<byte[], byte[]> message);

    /// <summary>
    /// Blocks the consume thread until the processor persisted something (so <see cref="TryTake"/> may succeed again)
    /// or <paramref name="timeout"/> passes, whichever comes first.
    /// </summary>
    void WaitForProgress(TimeSpan timeout);

    /// <summary>Called at least every poll interval, for work that is due by time.</summary>
    void OnTick();

    /// <summary>On stop: finishes and persists everything taken. Returns the next offsets to commit to Kafka.</summary>
    DrainResult Drain(CancellationToken cancellationToken);
}
