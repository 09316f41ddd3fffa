using Confluent.Kafka;

namespace Signups.Consuming;

/// <summary>What the consume loop is doing, for <c>/health</c>: joined or not, its partitions, paused or not.</summary>
public sealed class ConsumerState
{
    private readonly Lock _lock = new();
    private readonly HashSet<TopicPartition> _assignment = [];
    private readonly Dictionary<int, long> _positions = [];
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
            lock (_lock)
            {
                return new Dictionary<int, long>(_positions);
            }
        }
    }

    internal void OnReceived(int partition, long offset)
    {
        lock (_lock)
        {
            _positions[partition] = offset + 1;
        }
    }

    internal void OnAssigned(IEnumerable<TopicPartition> partitions)
    {
        lock (_lock)
        {
            Joined = true;
            _assignment.UnionWith(partitions);
        }
    }

    internal void OnRemoved(IEnumerable<TopicPartition> partitions)
    {
        lock (_lock)
        {
            foreach (var partition in partitions)
            {
                _assignment.Remove(partition);
                _positions.Remove(partition.Partition.Value);
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
