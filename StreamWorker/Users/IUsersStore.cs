using Signups.Consuming;

namespace Signups.StreamWorker.Users;

/// <summary>
/// The users database. One transaction per batch records each event as processed, creates the user as pending and
/// moves it to awaiting_confirmation, queues its welcome email, and stores the batch's next offsets; an event already
/// recorded changes nothing. Each event's status change and outbox row are therefore committed together or not at all.
/// </summary>
internal interface IUsersStore
{
    /// <summary>The stored next offsets of <paramref name="partitions"/>.</summary>
    Task<IReadOnlyDictionary<int, long>> ReadNextOffsetsAsync(IReadOnlyList<int> partitions, CancellationToken cancellationToken);

    /// <summary>Applies <paramref name="signups"/> and the batch's offsets in one transaction; returns how many were new.</summary>
    Task<int> ApplyAsync(IReadOnlyList<ConsumedSignup> signups, MessageBatch batch, CancellationToken cancellationToken);
}
