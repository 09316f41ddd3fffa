using Confluent.Kafka;

namespace Signups.Consuming;

/// <summary>
/// What the consume loop is doing, for <c>/health</c>: joined or not, its partitions, paused or not. Written on the
/// consume thread (rebalance callbacks run inside Consume there too); a received message costs one array store, no lock.
/// </summary>
public sealed class ConsumerState
{
    private const long NotOwned = -1;

    private readonly Lock _lock = new();
    private readonly HashSet<TopicPartition> _assignment = [];
    // Indexed by partition number: the offset after the last message received, or NotOwned. Replaced (never resized in
    // place) when a partition beyond its end is assigned, so a reader on another thread sees an old array or a new one.
    private long[] _positions = [];
    private DateTimeOffset? _pausedSince;

    /// <summary>The consumer group.</summary>
    public required string GroupId { get; init; }

    /// <summary>True once the group gave this member its first assignment (possibly empty).</summary>
    public bool Joined { get; private set; }

    /// <summary>True from the moment the worker starts draining.</summary>
    public bool Stopping { get; internal set; }

    /// <summary>When fetching was paused because the processor was full; null while fetching.</summary>
    public DateTimeOffset? PausedSince
    {
        get
        {
            lock (_lock)
            {
                return _pausedSince;
            }
        }
    }

    /// <summary>The partitions this member owns now.</summary>
    public IReadOnlyList<TopicPartition> Assignment
    {
        get
        {
            lock (_lock)
            {
                return [.. _assignment.OrderBy(p => p.Partition.Value)];
            }
        }
    }

    /// <summary>Per owned partition, the offset after the last message received: how far this member has fetched.</summary>
    public IReadOnlyDictionary<int, long> Positions
    {
        get
        {
            var positions = Volatile.Read(ref _positions);
            var owned = new Dictionary<int, long>();
            for (var partition = 0; partition < positions.Length; partition++)
            {
                if (Volatile.Read(ref positions[partition]) is var position and not NotOwned)
                {
                    owned[partition] = position;
                }
            }

            return owned;
        }
    }

    internal void OnReceived(int partition, long offset)
    {
        var positions = _positions;
        if ((uint)partition < (uint)positions.Length)
        {
            Volatile.Write(ref positions[partition], offset + 1);
        }
    }

    internal void OnAssigned(IEnumerable<TopicPartition> partitions)
    {
        lock (_lock)
        {
            Joined = true;
            _assignment.UnionWith(partitions);
            var last = partitions.Select(p => p.Partition.Value).DefaultIfEmpty(-1).Max();
            if (last >= _positions.Length)
            {
                var grown = new long[last + 1];
                Array.Fill(grown, NotOwned);
                _positions.CopyTo(grown, 0);
                Volatile.Write(ref _positions, grown);
            }
        }
    }

    internal void OnRemoved(IEnumerable<TopicPartition> partitions)
    {
        lock (_lock)
        {
            foreach (var partition in partitions)
            {
                _assignment.Remove(partition);
                if ((uint)partition.Partition.Value < (uint)_positions.Length)
                {
                    Volatile.Write(ref _positions[partition.Partition.Value], NotOwned);
                }
            }
        }
    }

    internal void OnPaused(bool paused)
    {
        lock (_lock)
        {
            _pausedSince = paused ? _pausedSince ?? DateTimeOffset.UtcNow : null;
        }
    }
}
