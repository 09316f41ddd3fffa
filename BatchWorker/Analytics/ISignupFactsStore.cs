using Signups.Consuming;

namespace Signups.BatchWorker.Analytics;

/// <summary>
/// The analytics store: a batch's facts as one bulk insert, in the same transaction as the batch's next offsets, so a crash
/// at any instant leaves each event in it exactly once. An event already stored (a redelivery) is skipped by its key.
/// </summary>
internal interface ISignupFactsStore
{
    /// <summary>The stored next offsets of <paramref name="partitions"/>.</summary>
    Task<IReadOnlyDictionary<int, long>> ReadNextOffsetsAsync(IReadOnlyList<int> partitions, CancellationToken cancellationToken);

    /// <summary>Writes the batch's facts and offsets in one transaction; returns how many facts were new.</summary>
    Task<int> WriteAsync(MessageBatch batch, CancellationToken cancellationToken);
}
