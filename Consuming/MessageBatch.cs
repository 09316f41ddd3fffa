using Confluent.Kafka;

namespace Signups.Consuming;

/// <summary>
/// Messages to handle together, in partition order, and the next offset of every partition they come
/// from. A handler persists the messages' effects and <see cref="NextOffsets"/> in one transaction.
/// </summary>
/// <param name="Topic">The topic the messages come from.</param>
/// <param name="Messages">The messages, each partition's in offset order.</param>
/// <param name="NextOffsets">Per partition: the offset after the last message of the batch.</param>
public sealed record MessageBatch(
    string Topic,
    IReadOnlyList<ConsumeResult<byte[], byte[]>> Messages,
    IReadOnlyDictionary<int, long> NextOffsets)
{
    /// <summary>The valid events among <see cref="Messages"/>, once an <see cref="IMessageBatchReader"/> has read them.</summary>
    public IReadOnlyList<ConsumedSignup> Signups { get; init; } = [];

    /// <summary>A batch of <paramref name="messages"/>, with next offsets computed from them.</summary>
    public static MessageBatch Of(string topic, IReadOnlyList<ConsumeResult<byte[], byte[]>> messages)
    {
        var next = new Dictionary<int, long>();
        foreach (var message in messages)
        {
            var partition = message.Partition.Value;
            var offset = message.Offset.Value + 1;
            if (!next.TryGetValue(partition, out var known) || offset > known)
            {
                next[partition] = offset;
            }
        }

        return new(topic, messages, next);
    }
}
