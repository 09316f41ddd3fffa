namespace Signups.Consuming;

/// <summary>
/// Reads a sealed batch once, before the first attempt to persist it: what is decoded here (and what is dead-lettered)
/// is not done again when the store's write is retried.
/// </summary>
public interface IMessageBatchReader
{
    /// <summary>The batch with <see cref="MessageBatch.Signups"/> filled in; its offsets still cover every message.</summary>
    ValueTask<MessageBatch> ReadAsync(MessageBatch batch, CancellationToken cancellationToken);
}
