using System.Diagnostics;
using Confluent.Kafka;
using Polly;

namespace Signups.Consuming;

/// <summary>
/// The StreamWorker's way: every partition gets a <see cref="PartitionLane"/>, so partitions are handled
/// concurrently and each in order, as soon as messages arrive. A lane being revoked finishes its queue
/// before the partition is given up.
/// </summary>
public sealed class PartitionLaneProcessor(
    IMessageBatchHandler handler,
    IMessageBatchReader reader,
    ResiliencePipeline retry,
    PartitionLaneOptions options,
    KafkaOffsetCommitter committer,
    ConsumerMetrics metrics) : IPartitionProcessor
{
    private readonly Dictionary<TopicPartition, PartitionLane> _lanes = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly ProgressSignal _progress = new();

    public int Pending => _lanes.Values.ToList().Sum(lane => lane.Queued);

    public bool CanResume(TopicPartition partition) => !_lanes.TryGetValue(partition, out var lane) || Alive(lane).HasSlack;

    public IReadOnlyList<TopicPartitionOffset> OnAssigned(string topic, IReadOnlyList<TopicPartition> partitions)
    {
        var start = StoredOffsets.StartPositions(handler, retry, topic, partitions, _stopping.Token);
        foreach (var partition in partitions)
        {
            _lanes[partition] = new PartitionLane(partition, options, PersistAsync);
        }

        return start;
    }

    public bool TryTake(ConsumeResult<byte[], byte[]> message) =>
        _lanes.TryGetValue(message.TopicPartition, out var lane)
            ? Alive(lane).TryWrite(message)
            : throw new InvalidOperationException($"Message from {message.TopicPartition}, which is not assigned to this worker.");

    public void WaitForProgress(TimeSpan timeout) => _progress.Wait(timeout);

    public void OnTick()
    {
    }

    public IReadOnlyList<TopicPartitionOffset> OnRevoked(IReadOnlyList<TopicPartition> partitions)
    {
        var lanes = Remove(partitions);
        lanes.ForEach(lane => lane.Complete());
        Task.WaitAll([.. lanes.Select(lane => lane.Completion)]);
        return [.. lanes.Select(lane => lane.Persisted).OfType<TopicPartitionOffset>()];
    }

    public void OnLost(IReadOnlyList<TopicPartition> partitions)
    {
        var lanes = Remove(partitions);
        lanes.ForEach(lane => lane.Abandon());
        Task.WaitAll([.. lanes.Select(lane => lane.Completion)]);
    }

    public DrainResult Drain(CancellationToken cancellationToken)
    {
        var lanes = _lanes.Values.ToList();
        var eventsBefore = lanes.Sum(lane => lane.Events);
        var batchesBefore = lanes.Sum(lane => lane.Batches);
        lanes.ForEach(lane => lane.Complete());
        var finished = Task.WhenAll(lanes.Select(lane => lane.Completion));
        var succeeded = Wait(finished, cancellationToken);
        if (!succeeded)
        {
            lanes.ForEach(lane => lane.Abandon());
            Task.WaitAll([.. lanes.Select(lane => lane.Completion)], TimeSpan.FromSeconds(2));
        }

        _stopping.Cancel();
        return new(
            [.. lanes.Select(lane => lane.Persisted).OfType<TopicPartitionOffset>()],
            lanes.Sum(lane => lane.Events) - eventsBefore,
            lanes.Sum(lane => lane.Batches) - batchesBefore,
            succeeded);
    }

    private async ValueTask PersistAsync(MessageBatch batch, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        // Decoded and dead-lettered once; only the store's write is retried.
        var read = await reader.ReadAsync(batch, cancellationToken);
        await retry.ExecuteAsync(async token => await handler.HandleAsync(read, token), cancellationToken);
        metrics.BatchPersisted(batch.Messages.Count, clock.Elapsed);
        foreach (var (partition, next) in batch.NextOffsets)
        {
            committer.MarkPersisted(new TopicPartitionOffset(batch.Topic, partition, next));
        }

        _progress.Notify();
    }

    private List<PartitionLane> Remove(IReadOnlyList<TopicPartition> partitions)
    {
        var removed = new List<PartitionLane>();
        foreach (var partition in partitions)
        {
            if (_lanes.Remove(partition, out var lane))
            {
                removed.Add(lane);
            }
        }

        return removed;
    }

    // A lane only ends early when abandoned; one that failed must stop the worker, not silently hold its partition.
    private static PartitionLane Alive(PartitionLane lane) =>
        lane.Completion.IsFaulted ? throw new InvalidOperationException("A partition lane failed.", lane.Completion.Exception) : lane;

    private static bool Wait(Task task, CancellationToken cancellationToken)
    {
        try
        {
            task.Wait(cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
