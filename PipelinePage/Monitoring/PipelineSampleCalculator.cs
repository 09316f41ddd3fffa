
namespace Signups.PipelinePage.Monitoring;

/// <summary>
/// Turns successive raw readings (Kafka's offsets, the workers' <c>/stats</c>) into samples: totals, rates over
/// the last <see cref="RateWindow"/>, lag per group and partition, batch sizes. Not thread-safe; one caller.
/// </summary>
internal sealed class PipelineSampleCalculator(PipelineShape shape)
{
    /// <summary>
    /// Rates are averaged over this long: the batch worker commits in bursts (every few seconds), and a
    /// one-second rate would be mostly zeros with spikes.
    /// </summary>
    public static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(5);

    private readonly Queue<(DateTimeOffset Time, long Produced, Dictionary<string, long> Consumed)> _totals = new();
    private readonly Dictionary<string, ReplicaStats> _lastStats = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _lastBatchSize = new(StringComparer.Ordinal);

    public PipelineSample Next(DateTimeOffset time, KafkaOffsets? offsets, IReadOnlyDictionary<string, IReadOnlyList<ReplicaStats>> stats)
    {
        long? produced = null;
        double? produceRate = null;
        Dictionary<string, long> consumed = new(StringComparer.Ordinal);
        (DateTimeOffset Time, long Produced, Dictionary<string, long> Consumed)? then = null;
        if (offsets is not null)
        {
            produced = offsets.TopicEnds.Values.Sum();
            consumed = shape.Consumers.ToDictionary(c => c.Group, c => offsets.TopicEnds.Keys.Sum(p => Committed(offsets, c.Group, p)), StringComparer.Ordinal);
            then = Remember(time, produced.Value, consumed);
            produceRate = then is { } t ? Rate(produced.Value - t.Produced, time - t.Time) : null;
        }

        var groups = shape.Consumers.Select(consumer =>
        {
            var replicas = stats.GetValueOrDefault(consumer.Resource) ?? [];
            long? total = offsets is null ? null : consumed[consumer.Group];
            double? rate = then is { } t && total is { } c ? Rate(c - t.Consumed.GetValueOrDefault(consumer.Group), time - t.Time) : null;
            long[] partitionLag = offsets is null ? [] : PartitionLag(offsets, consumer.Group);
            return new ConsumerGroupSample(
                consumer.Group, consumer.Resource, total, rate, offsets is null ? null : partitionLag.Sum(), partitionLag,
                replicas.Count(r => r.Stats.Joined), replicas.Sum(r => r.Stats.Processed), replicas.Sum(r => r.Stats.DeadLettered),
                BatchSize(consumer.Group, replicas), replicas.Count == 0 ? 0 : replicas.Max(r => r.Stats.LastBatchSize));
        });
        return new PipelineSample(time, offsets is not null, produced, produceRate, offsets?.DeadLetters, [.. groups]);
    }

    private static long Committed(KafkaOffsets offsets, string group, int partition) =>
        offsets.Committed.GetValueOrDefault(group)?.GetValueOrDefault(partition) ?? 0;

    private static long[] PartitionLag(KafkaOffsets offsets, string group)
    {
        var lag = new long[offsets.TopicEnds.Count == 0 ? 0 : offsets.TopicEnds.Keys.Max() + 1];
        foreach (var (partition, end) in offsets.TopicEnds)
        {
            lag[partition] = Math.Max(0, end - Committed(offsets, group, partition));
        }

        return lag;
    }

    private static double Rate(long delta, TimeSpan elapsed) =>
        elapsed <= TimeSpan.Zero ? 0 : Math.Round(Math.Max(0, delta) / elapsed.TotalSeconds, 1);

    // Keeps the totals of the last RateWindow; returns the oldest of them that is older than now (null on the first reading).
    private (DateTimeOffset Time, long Produced, Dictionary<string, long> Consumed)? Remember(DateTimeOffset time, long produced, Dictionary<string, long> consumed)
    {
        while (_totals.Count > 1 && time - _totals.ElementAt(1).Time >= RateWindow)
        {
            _totals.Dequeue();
        }

        (DateTimeOffset, long, Dictionary<string, long>)? oldest = _totals.Count > 0 ? _totals.Peek() : null;
        _totals.Enqueue((time, produced, consumed));
        return oldest;
    }

    // Average batch size over the batches written since the previous reading; a replica with a new process counts from zero.
    // A worker counts a batch's events just before the batch itself, so a reading can fall between the two: the
    // baseline moves on only once a batch is counted, and those events go with their batch.
    private double? BatchSize(string group, IReadOnlyList<ReplicaStats> replicas)
    {
        if (replicas.Count == 0)
        {
            return null;
        }

        long events = 0, batches = 0;
        foreach (var replica in replicas)
        {
            var previous = _lastStats.GetValueOrDefault(replica.Replica);
            var restarted = previous is not null && (previous.ProcessId != replica.ProcessId || replica.Stats.Batches < previous.Stats.Batches);
            var since = previous is null || restarted ? null : previous.Stats;
            var newBatches = replica.Stats.Batches - (since?.Batches ?? 0);
            if (previous is not null && newBatches > 0)
            {
                events += replica.Stats.Processed - (since?.Processed ?? 0);
                batches += newBatches;
            }

            if (previous is null || restarted || newBatches > 0)
            {
                _lastStats[replica.Replica] = replica;
            }
        }

        if (batches > 0)
        {
            _lastBatchSize[group] = Math.Round((double)events / batches, 1);
        }

        return _lastBatchSize.TryGetValue(group, out var size) ? size : null;
    }
}
