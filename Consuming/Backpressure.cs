using System.Diagnostics;
using Confluent.Kafka;

namespace Signups.Consuming;

/// <summary>
/// What the consume loop does when the processor refuses a message because it is full. First it holds the
/// message and stops polling: librdkafka's prefetch queue is bounded (queued.max.messages.kbytes), so it stops
/// fetching by itself. Only if the processor takes nothing for <see cref="PauseAfter"/> are the partitions paused
/// in Kafka, so that polling can go on serving rebalances while nothing more is taken. Pausing drops
/// librdkafka's prefetched messages, which are fetched again on resume: worth it for a long stall, far too
/// costly for the few milliseconds a batch takes to persist. Used on the consume thread only.
/// </summary>
internal sealed class Backpressure
{
    private static readonly TimeSpan PauseAfter = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Wait = TimeSpan.FromMilliseconds(20);

    private readonly Dictionary<TopicPartition, Queue<ConsumeResult<byte[], byte[]>>> _held = [];
    private long _lastProgress;
    private bool _pausedInKafka;

    /// <summary>
    /// Whether messages are held (the processor was full) or the partitions are still paused in Kafka: either way the
    /// loop must call <see cref="Relieve"/>, which resumes them once nothing is held.
    /// </summary>
    public bool Holding => _held.Count > 0 || _pausedInKafka;

    /// <summary>Whether the assignment is paused in Kafka because the processor has taken nothing for a while.</summary>
    public bool PausedInKafka => _pausedInKafka;

    /// <summary>Hands <paramref name="message"/> to the processor, or holds it (behind others of its partition) when it is full.</summary>
    public void Offer(IPartitionProcessor processor, ConsumeResult<byte[], byte[]> message)
    {
        // A partition with a held message keeps its order: what follows queues behind it.
        if (_held.Count > 0 && _held.TryGetValue(message.TopicPartition, out var queue))
        {
            queue.Enqueue(message);
            return;
        }

        if (!processor.TryTake(message))
        {
            if (_held.Count == 0)
            {
                _lastProgress = Stopwatch.GetTimestamp();
            }

            _held[message.TopicPartition] = new Queue<ConsumeResult<byte[], byte[]>>([message]);
        }
    }

    /// <summary>
    /// Offers what is held again. Returns true when the loop should poll Kafka now; false when it should not
    /// (the processor is still full and the stall is short), having waited for the processor to persist something.
    /// </summary>
    public bool Relieve(IConsumer<byte[], byte[]> consumer, IPartitionProcessor processor)
    {
        var took = false;
        foreach (var (partition, queue) in _held)
        {
            if (!processor.CanResume(partition))
            {
                continue;
            }

            while (queue.Count > 0 && processor.TryTake(queue.Peek()))
            {
                queue.Dequeue();
                took = true;
            }

            if (queue.Count == 0)
            {
                // Removing the current entry while enumerating a Dictionary is allowed (since .NET Core 3.0).
                _held.Remove(partition);
            }
        }

        if (took)
        {
            _lastProgress = Stopwatch.GetTimestamp();
        }

        if (_held.Count == 0)
        {
            if (_pausedInKafka)
            {
                consumer.Resume(consumer.Assignment);
                _pausedInKafka = false;
            }

            return true;
        }

        // A stall, not a burst: the processor has taken nothing for a while (the store is slow or down).
        if (!_pausedInKafka && Stopwatch.GetElapsedTime(_lastProgress) > PauseAfter)
        {
            consumer.Pause(consumer.Assignment);
            _pausedInKafka = true;
        }

        if (_pausedInKafka)
        {
            // Again each time: partitions assigned during the stall start unpaused; pausing a paused one changes nothing.
            consumer.Pause(consumer.Assignment);
            return true;
        }

        processor.WaitForProgress(Wait);
        return false;
    }

    /// <summary>
    /// Drops what is held for partitions no longer ours (their new owner reads them from the stored offset), and
    /// resumes them if they are paused: librdkafka keeps an application pause on a partition across its revocation,
    /// so one paused during a stall and assigned to this consumer again later would never be fetched (seen with
    /// cooperative-sticky on librdkafka 2.16: a partition stuck at its stored offset for good).
    /// </summary>
    public void Forget(IConsumer<byte[], byte[]> consumer, IReadOnlyCollection<TopicPartition> partitions)
    {
        foreach (var partition in partitions)
        {
            _held.Remove(partition);
        }

        if (_pausedInKafka && partitions.Count > 0)
        {
            try
            {
                consumer.Resume(partitions);
            }
            catch (KafkaException)
            {
                // A lost partition may be gone from the consumer already; then there is no pause left to outlive it.
            }
        }
    }

    public void Clear() => _held.Clear();
}
