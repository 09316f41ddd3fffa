using Signups.Consuming;
using static Signups.UnitTests.Consuming.Messages;

namespace Signups.UnitTests.Consuming;

public sealed class PartitionLaneProcessorTests
{
    private readonly RecordingHandler _handler = new();

    [Fact]
    public void EachPartitionIsHandledInOffsetOrderAndNothingTwice()
    {
        var processor = Create(maxBatchSize: 4, laneCapacity: 1000);
        processor.OnAssigned(Topic, [Partition(0), Partition(1), Partition(2)]);
        for (var offset = 0; offset < 50; offset++)
        {
            for (var partition = 0; partition < 3; partition++)
            {
                Assert.True(processor.TryTake(At(partition, offset)));
            }
        }

        var drained = processor.Drain(TestContext.Current.CancellationToken);

        Assert.True(drained.Succeeded);
        Assert.Equal(150, _handler.Persisted.Count());
        Assert.All(_handler.Batches, batch => Assert.Single(batch.NextOffsets));
        foreach (var partition in Enumerable.Range(0, 3))
        {
            Assert.Equal(Enumerable.Range(0, 50).Select(o => (long)o), _handler.Persisted.Where(p => p.Partition == partition).Select(p => p.Offset));
        }

        Assert.All(drained.Offsets, offset => Assert.Equal(50, offset.Offset.Value));
    }

    [Fact]
    public void ARevokedPartitionsLaneFinishesBeforeTheRevokeReturns()
    {
        var processor = Create(maxBatchSize: 3, laneCapacity: 1000);
        processor.OnAssigned(Topic, [Partition(0), Partition(1)]);
        for (var offset = 0; offset < 10; offset++)
        {
            processor.TryTake(At(0, offset));
        }

        var committed = processor.OnRevoked([Partition(0)]);

        Assert.Equal(10, _handler.Persisted.Count(p => p.Partition == 0));
        Assert.Equal(10, Assert.Single(committed).Offset.Value);
    }

    [Fact]
    public void AFullLaneRefusesMessagesUntilItHasRoom()
    {
        var processor = Create(maxBatchSize: 1, laneCapacity: 2);
        processor.OnAssigned(Topic, [Partition(0)]);
        _handler.Hold();
        processor.TryTake(At(0, 0));
        Wait.Until(() => _handler.Started == 1, "the lane is persisting its first message");

        var taken = 1;
        while (taken < 10 && processor.TryTake(At(0, taken)))
        {
            taken++;
        }

        Assert.Equal(3, taken);
        Assert.False(processor.CanResume(Partition(0)));
        _handler.Release();
        Wait.Until(() => processor.CanResume(Partition(0)), "room once the lane moves on");
    }

    [Fact]
    public void ALostPartitionsQueuedMessagesAreDropped()
    {
        var processor = Create(maxBatchSize: 1, laneCapacity: 100);
        processor.OnAssigned(Topic, [Partition(0)]);
        _handler.Hold();
        for (var offset = 0; offset < 5; offset++)
        {
            processor.TryTake(At(0, offset));
        }

        processor.OnLost([Partition(0)]);
        _handler.Release();

        Assert.Empty(_handler.Persisted);
    }

    private PartitionLaneProcessor Create(int maxBatchSize, int laneCapacity) => new(
        _handler, new PassThroughReader(), ProcessorParts.RetryUntilCancelled,
        new PartitionLaneOptions { MaxBatchSize = maxBatchSize, LaneCapacity = laneCapacity },
        ProcessorParts.Committer(), ProcessorParts.Metrics());
}
