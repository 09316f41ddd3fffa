using Signups.Consuming;
using static Signups.UnitTests.Consuming.Messages;

namespace Signups.UnitTests.Consuming;

public sealed class SizeOrTimeBatchProcessorTests
{
    private readonly RecordingHandler _handler = new();

    [Fact]
    public void ABatchIsFlushedWhenItHoldsMaxBatchSizeEvents()
    {
        var processor = Create(maxBatchSize: 3, maxBatchDelay: TimeSpan.FromHours(1));
        processor.OnAssigned(Topic, [Partition(0)]);

        for (var offset = 0; offset < 7; offset++)
        {
            var message = At(0, offset);
            Wait.Until(() => processor.TryTake(message), $"offset {offset} is taken");
        }

        Wait.Until(() => _handler.Batches.Count == 2, "two full batches are persisted");
        Assert.All(_handler.Batches, batch => Assert.Equal(3, batch.Messages.Count));
        Assert.Equal(6, _handler.Batches[^1].NextOffsets[0]);
    }

    [Fact]
    public void APartialBatchIsFlushedWhenMaxBatchDelayHasPassedSinceItsFirstEvent()
    {
        var processor = Create(maxBatchSize: 1000, maxBatchDelay: TimeSpan.FromMilliseconds(50));
        processor.OnAssigned(Topic, [Partition(0)]);
        processor.TryTake(At(0, 0));
        processor.TryTake(At(0, 1));

        Wait.Until(() =>
        {
            processor.OnTick();
            return _handler.Batches.Count == 1;
        }, "the partial batch is flushed on time");
        Assert.Equal(2, _handler.Batches[0].Messages.Count);
    }

    [Fact]
    public void WhenOneBatchIsPersistingAndThreeMoreAreReadSealedOrFullItRefusesMore()
    {
        var processor = Create(maxBatchSize: 2, maxBatchDelay: TimeSpan.FromHours(1));
        processor.OnAssigned(Topic, [Partition(0)]);
        _handler.Hold();
        processor.TryTake(At(0, 0));
        processor.TryTake(At(0, 1));
        Wait.Until(() => _handler.Started == 1, "the first batch is being persisted");

        // The reader takes sealed batches on its own: offer until it has read one that waits for the writer.
        // Persisting 0-1; read and waiting for the writer 2-3; sealed 4-5; full 6-7.
        var offset = 2;
        Wait.Until(() =>
        {
            while (processor.TryTake(At(0, offset)))
            {
                offset++;
            }

            return offset == 8;
        }, "eight events taken: a batch in each place");
        Assert.False(processor.TryTake(At(0, offset)));
        Assert.False(processor.CanResume(Partition(0)));
        _handler.Release();
        Wait.Until(() => processor.CanResume(Partition(0)), "room again once the held batch is persisted");
        Assert.True(processor.TryTake(At(0, offset)));
    }

    [Fact]
    public void RevokedPartitionsArePersistedBeforeTheyAreGivenUp()
    {
        var processor = Create(maxBatchSize: 100, maxBatchDelay: TimeSpan.FromHours(1));
        processor.OnAssigned(Topic, [Partition(0), Partition(1)]);
        processor.TryTake(At(0, 10));
        processor.TryTake(At(1, 20));
        processor.TryTake(At(0, 11));

        var committed = processor.OnRevoked([Partition(0)]);

        Assert.Equal([(0, 10L), (1, 20L), (0, 11L)], _handler.Persisted);
        var offset = Assert.Single(committed);
        Assert.Equal(0, offset.Partition.Value);
        Assert.Equal(12, offset.Offset.Value);
    }

    [Fact]
    public void EventsOfLostPartitionsAreNotPersisted()
    {
        var processor = Create(maxBatchSize: 100, maxBatchDelay: TimeSpan.FromHours(1));
        processor.OnAssigned(Topic, [Partition(0), Partition(1)]);
        processor.TryTake(At(0, 0));
        processor.TryTake(At(1, 0));

        processor.OnLost([Partition(1)]);
        var drained = processor.Drain(TestContext.Current.CancellationToken);

        Assert.Equal([(0, 0L)], _handler.Persisted);
        Assert.True(drained.Succeeded);
        Assert.Equal([0], drained.Offsets.Select(o => o.Partition.Value));
    }

    [Fact]
    public void DrainFlushesThePartialBatchAndReportsIt()
    {
        var processor = Create(maxBatchSize: 100, maxBatchDelay: TimeSpan.FromHours(1));
        processor.OnAssigned(Topic, [Partition(3)]);
        processor.TryTake(At(3, 0));
        processor.TryTake(At(3, 1));

        var drained = processor.Drain(TestContext.Current.CancellationToken);

        Assert.True(drained.Succeeded);
        Assert.Equal(2, drained.Events);
        Assert.Equal(1, drained.Batches);
        Assert.Equal(2, Assert.Single(drained.Offsets).Offset.Value);
    }

    [Fact]
    public void ADrainThatCannotPersistFailsAndCommitsNothingNew()
    {
        var processor = Create(maxBatchSize: 100, maxBatchDelay: TimeSpan.FromHours(1));
        processor.OnAssigned(Topic, [Partition(0)]);
        processor.TryTake(At(0, 0));
        _handler.Fail = _ => new IOException("disk full");

        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var drained = processor.Drain(deadline.Token);

        Assert.False(drained.Succeeded);
        Assert.Empty(drained.Offsets);
        Assert.Empty(_handler.Persisted);
    }

    private SizeOrTimeBatchProcessor Create(int maxBatchSize, TimeSpan maxBatchDelay) => new(
        _handler, new PassThroughReader(), ProcessorParts.RetryUntilCancelled,
        new BatchingOptions { MaxBatchSize = maxBatchSize, MaxBatchDelay = maxBatchDelay },
        ProcessorParts.Committer(), ProcessorParts.Metrics());
}
