using Confluent.Kafka;

namespace Signups.Messaging.Kafka.Consuming;

/// <summary>
/// Backpressure, one partition at a time: a message the processor refuses is held, and fetching of its
/// partition pauses (instead of buffering more) until the processor can take it and what followed it.
/// Other partitions keep flowing. Used on the consume thread only.
/// </summary>
internal sealed class PausedPartitions
{
    private readonly Dictionary<TopicPartition, Queue<ConsumeResult<byte[], byte[]>>> _held = [];

    public int Count => _held.Count;

    /// <summary>Hands <paramref name="message"/> to the processor, or holds it and pauses its partition.</summary>
    public void Offer(IConsumer<byte[], byte[]> consumer, IPartitionProcessor processor, ConsumeResult<byte[], byte[]> message)
    {
        // Messages fetched before the pause took effect queue behind the held one, keeping partition order.
        if (_held.TryGetValue(message.TopicPartition, out var queue))
        {
            queue.Enqueue(message);
            return;
        }

        if (!processor.TryTake(message))
        {
            _held[message.TopicPartition] = new Queue<ConsumeResult<byte[], byte[]>>([message]);
            consumer.Pause([message.TopicPartition]);
        }
    }

    /// <summary>Offers held messages again and resumes the partitions whose messages were all taken.</summary>
    public void Retry(IConsumer<byte[], byte[]> consumer, IPartitionProcessor processor)
    {
        List<TopicPartition>? resumed = null;
        foreach (var (partition, queue) in _held)
        {
            if (!processor.CanResume(partition))
            {
                continue;
            }

            while (queue.Count > 0 && processor.TryTake(queue.Peek()))
            {
                queue.Dequeue();
            }

            if (queue.Count == 0)
            {
                (resumed ??= []).Add(partition);
            }
        }

        if (resumed is not null)
        {
            resumed.ForEach(partition => _held.Remove(partition));
            consumer.Resume(resumed);
        }
    }

    /// <summary>Drops what is held for partitions no longer ours; their new owner reads them from the stored offset.</summary>
    public void Forget(IEnumerable<TopicPartition> partitions)
    {
        foreach (var partition in partitions)
        {
            _held.Remove(partition);
        }
    }

    public void Clear() => _held.Clear();
}
