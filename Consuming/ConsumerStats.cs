namespace Signups.Consuming;

/// <summary>The body of a worker's <c>GET /stats</c>.</summary>
/// <param name="Group">Consumer group.</param>
/// <param name="Joined">Whether the group has given this member an assignment yet.</param>
/// <param name="Partitions">Partitions owned now.</param>
/// <param name="Positions">Per owned partition, the offset after the last message received.</param>
/// <param name="Paused">Fetching paused because the store is behind.</param>
/// <param name="Received">Messages received from Kafka since start.</param>
/// <param name="Pending">Messages taken and not yet persisted (in lanes or the batch buffer).</param>
/// <param name="Processed">Events persisted since start.</param>
/// <param name="Redelivered">Events received again after they had been persisted (changed nothing).</param>
/// <param name="DeadLettered">Messages sent to the dead-letter topic since start.</param>
/// <param name="Batches">Batches (transactions) persisted since start.</param>
/// <param name="LastBatchSize">Events in the most recent batch.</param>
/// <param name="FirstReceivedAt">When the first message since start arrived.</param>
/// <param name="LastPersistedAt">When the last batch was persisted.</param>
public sealed record ConsumerStats(
    string Group,
    bool Joined,
    IReadOnlyList<int> Partitions,
    IReadOnlyDictionary<int, long> Positions,
    bool Paused,
    long Received,
    int Pending,
    long Processed,
    long Redelivered,
    long DeadLettered,
    long Batches,
    int LastBatchSize,
    DateTimeOffset? FirstReceivedAt = null,
    DateTimeOffset? LastPersistedAt = null);
