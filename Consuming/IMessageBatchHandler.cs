namespace Signups.Consuming;

/// <summary>
/// What a worker does with consumed messages. Its store, not Kafka, is the record of what was consumed:
/// <see cref="HandleAsync"/> writes a batch's effects and next offsets in one transaction, and
/// <see cref="ReadNextOffsetsAsync"/> reads them back when partitions are assigned.
/// </summary>
public interface IMessageBatchHandler
{
    /// <summary>The next offset to read per partition, as stored; partitions without one are absent.</summary>
    Task<IReadOnlyDictionary<int, long>> ReadNextOffsetsAsync(string topic, IReadOnlyList<int> partitions, CancellationToken cancellationToken);

    /// <summary>
    /// Persists the effects of the batch's <see cref="MessageBatch.Signups"/> (already decoded; the invalid messages
    /// are already dead-lettered) and <see cref="MessageBatch.NextOffsets"/> atomically. Must be safe to call
    /// again with messages already handled (a redelivery after a crash or a rebalance changes nothing).
    /// Exceptions are retried by the caller with backoff until the call succeeds or the worker stops.
    /// </summary>
    Task HandleAsync(MessageBatch batch, CancellationToken cancellationToken);
}
