using Signups.PipelinePage.Monitoring;
using Signups.Consuming;

namespace Signups.UnitTests.PipelinePage;

public sealed class PipelineSampleCalculatorTests
{
    private static readonly PipelineShape Shape = new("kafka", "producer", "user_signups", "user_signups.dlq",
        [new PipelineConsumer("stream-worker", "stream-worker"), new PipelineConsumer("batch-worker", "batch-worker")]);

    private static readonly DateTimeOffset Start = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, IReadOnlyList<ReplicaStats>> NoStats = [];

    private readonly PipelineSampleCalculator _calculator = new(Shape);

    [Fact]
    public void LagIsEachPartitionsEndMinusWhatTheGroupCommitted()
    {
        var sample = _calculator.Next(Start, Offsets(ends: [100, 50, 0], stream: [90, 50], batch: []), NoStats);

        var stream = sample.Groups[0];
        Assert.Equal([10, 0, 0], stream.PartitionLag);
        Assert.Equal(10, stream.Lag);
        Assert.Equal(140, stream.Consumed);
        Assert.Equal([100, 50, 0], sample.Groups[1].PartitionLag);
        Assert.Equal(150, sample.Produced);
        Assert.Equal(7, sample.DeadLetters);
    }

    [Fact]
    public void RatesAreMessagesPerSecondOverTheLastFewSeconds()
    {
        var first = _calculator.Next(Start, Offsets(ends: [0], stream: [0], batch: [0]), NoStats);
        _calculator.Next(Start.AddSeconds(1), Offsets(ends: [100], stream: [50], batch: [0]), NoStats);
        var third = _calculator.Next(Start.AddSeconds(2), Offsets(ends: [200], stream: [150], batch: [200]), NoStats);

        Assert.Null(first.ProduceRate);
        Assert.Equal(100, third.ProduceRate);
        Assert.Equal(75, third.Groups[0].ConsumeRate);
        Assert.Equal(100, third.Groups[1].ConsumeRate);
    }

    [Fact]
    public void WhileKafkaDoesNotAnswerItsFiguresAreUnknownButTheWorkersStatsRemain()
    {
        var sample = _calculator.Next(Start, null, new Dictionary<string, IReadOnlyList<ReplicaStats>>
        {
            ["stream-worker"] = [Stats("stream-worker", pid: 1, processed: 10, batches: 2)],
        });

        Assert.False(sample.KafkaAnswered);
        Assert.Null(sample.ProduceRate);
        Assert.Null(sample.Groups[0].Lag);
        Assert.Empty(sample.Groups[0].PartitionLag);
        Assert.Equal(10, sample.Groups[0].Processed);
        Assert.Equal(1, sample.Groups[0].Members);
    }

    [Fact]
    public void BatchSizeAveragesTheBatchesSinceTheLastReadingAndARestartedReplicaCountsFromZero()
    {
        Next(Stats("batch-worker", pid: 1, processed: 1000, batches: 2));
        var flushed = Next(Stats("batch-worker", pid: 1, processed: 2000, batches: 4));
        var quiet = Next(Stats("batch-worker", pid: 1, processed: 2000, batches: 4));
        var restarted = Next(Stats("batch-worker", pid: 2, processed: 300, batches: 1));

        Assert.Equal(500, flushed.BatchSize);
        Assert.Equal(500, quiet.BatchSize);
        Assert.Equal(300, restarted.BatchSize);
    }

    [Fact]
    public void EventsReadBeforeTheirBatchIsCountedGoWithThatBatch()
    {
        Next(Stats("batch-worker", pid: 1, processed: 100, batches: 2));
        // Read between the worker counting the batch's events and counting the batch.
        var between = Next(Stats("batch-worker", pid: 1, processed: 150, batches: 2));
        var counted = Next(Stats("batch-worker", pid: 1, processed: 150, batches: 3));

        Assert.Null(between.BatchSize);
        Assert.Equal(50, counted.BatchSize);
    }

    private ConsumerGroupSample Next(ReplicaStats stats) =>
        _calculator.Next(Start, null, new Dictionary<string, IReadOnlyList<ReplicaStats>> { ["batch-worker"] = [stats] }).Groups[1];

    private static KafkaOffsets Offsets(long[] ends, long[] stream, long[] batch) => new(
        ends.Select((end, partition) => (end, partition)).ToDictionary(p => p.partition, p => p.end),
        DeadLetters: 7,
        new Dictionary<string, IReadOnlyDictionary<int, long>>
        {
            ["stream-worker"] = stream.Select((offset, partition) => (offset, partition)).ToDictionary(p => p.partition, p => p.offset),
            ["batch-worker"] = batch.Select((offset, partition) => (offset, partition)).ToDictionary(p => p.partition, p => p.offset),
        });

    private static ReplicaStats Stats(string replica, int pid, long processed, long batches) =>
        new(replica, pid, new ConsumerStats(replica, Joined: true, [0], new Dictionary<int, long>(), Paused: false, Received: processed, Pending: 0, Processed: processed, Redelivered: 0, DeadLettered: 0, Batches: batches, LastBatchSize: 0));
}
