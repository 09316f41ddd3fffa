using System.Diagnostics;
using System.Threading.Channels;
using Confluent.Kafka;
using Polly;

namespace Signups.Consuming;

/// <summary>
/// The BatchWorker's way, Faust's <c>stream.take(max, within)</c>: messages of all partitions fill one batch,
/// sealed when it holds <see cref="BatchingOptions.MaxBatchSize"/> events or <see cref="BatchingOptions.MaxBatchDelay"/>
/// after its first. A sealed batch goes through two stages while the next one fills: a reader decodes it (and
/// dead-letters what is not an event), then a writer persists it, so decoding one batch overlaps writing the one
/// before. With a batch being written, one read and waiting for the writer, one sealed and one full, the processor
/// refuses more and the consume loop stops fetching.
/// </summary>
public sealed class SizeOrTimeBatchProcessor : IPartitionProcessor
{
    private static readonly TimeSpan ProgressPoll = TimeSpan.FromMilliseconds(50);

    private readonly IMessageBatchHandler _handler;
    private readonly IMessageBatchReader _reader;
    private readonly ResiliencePipeline _retry;
    private readonly BatchingOptions _options;
    private readonly KafkaOffsetCommitter _committer;
    private readonly ConsumerMetrics _metrics;
    private readonly Channel<MessageBatch> _sealed = Channel.CreateBounded<MessageBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
    private readonly Channel<MessageBatch> _read = Channel.CreateBounded<MessageBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
    private readonly ProgressSignal _progress = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly Dictionary<TopicPartition, long> _persisted = [];
    private readonly HashSet<TopicPartition> _assigned = [];
    private readonly Task _flusher;
    private List<ConsumeResult<byte[], byte[]>> _filling;
    private long _firstTakenAt;
    private int _inFlightEvents;
    private long _events;
    private int _batches;
    private string _topic = string.Empty;

    public SizeOrTimeBatchProcessor(
        IMessageBatchHandler handler, IMessageBatchReader reader, ResiliencePipeline retry, BatchingOptions options, KafkaOffsetCommitter committer, ConsumerMetrics metrics)
    {
        _handler = handler;
        _reader = reader;
        _retry = retry;
        _options = options;
        _committer = committer;
        _metrics = metrics;
        _filling = new(options.MaxBatchSize);
        _flusher = Task.WhenAll(Task.Run(ReadSealedAsync), Task.Run(WriteReadAsync));
    }

    public int Pending => Volatile.Read(ref _filling).Count + Volatile.Read(ref _inFlightEvents);

    // Room is shared by all partitions: a full batch can be sealed (no batch waits for the flusher) or is not full yet.
    public bool CanResume(TopicPartition partition) => _filling.Count < _options.MaxBatchSize || _sealed.Reader.Count == 0;

    public IReadOnlyList<TopicPartitionOffset> OnAssigned(string topic, IReadOnlyList<TopicPartition> partitions)
    {
        _topic = topic;
        lock (_lock)
        {
            _assigned.UnionWith(partitions);
        }

        return StoredOffsets.StartPositions(_handler, _retry, topic, partitions, _stopping.Token);
    }

    public bool TryTake(ConsumeResult<byte[], byte[]> message)
    {
        if (_filling.Count >= _options.MaxBatchSize && !TrySeal())
        {
            return false;
        }

        if (_filling.Count == 0)
        {
            _firstTakenAt = Stopwatch.GetTimestamp();
        }

        _filling.Add(message);
        if (_filling.Count >= _options.MaxBatchSize)
        {
            TrySeal();
        }

        return true;
    }

    public void WaitForProgress(TimeSpan timeout) => _progress.Wait(timeout);

    public void OnTick()
    {
        if (_filling.Count > 0 && Stopwatch.GetElapsedTime(_firstTakenAt) >= _options.MaxBatchDelay)
        {
            TrySeal();
        }
    }

    // Revoked partitions' events may sit in any batch: flush them all before the partitions are given up.
    public IReadOnlyList<TopicPartitionOffset> OnRevoked(IReadOnlyList<TopicPartition> partitions)
    {
        FlushAll(_stopping.Token);
        lock (_lock)
        {
            _assigned.ExceptWith(partitions);
            return [.. partitions.Where(_persisted.ContainsKey).Select(p => new TopicPartitionOffset(p, _persisted[p]))];
        }
    }

    // Another member owns these partitions already: their unsealed events must not be persisted by us.
    public void OnLost(IReadOnlyList<TopicPartition> partitions)
    {
        _filling.RemoveAll(message => partitions.Contains(message.TopicPartition));
        lock (_lock)
        {
            _assigned.ExceptWith(partitions);
        }
    }

    public DrainResult Drain(CancellationToken cancellationToken)
    {
        var eventsBefore = Interlocked.Read(ref _events);
        var batchesBefore = Volatile.Read(ref _batches);
        var succeeded = true;
        try
        {
            FlushAll(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            succeeded = false;
            _stopping.Cancel();
        }

        _sealed.Writer.TryComplete();
        _flusher.Wait(TimeSpan.FromSeconds(2), CancellationToken.None);
        _stopping.Cancel();
        lock (_lock)
        {
            return new(
                // Only partitions still ours: committing a stale offset for another member's partition would move it back.
                [.. _persisted.Where(p => _assigned.Contains(p.Key)).Select(p => new TopicPartitionOffset(p.Key, p.Value))],
                Interlocked.Read(ref _events) - eventsBefore,
                Volatile.Read(ref _batches) - batchesBefore,
                succeeded);
        }
    }

    private bool TrySeal()
    {
        if (_filling.Count == 0 || !_sealed.Writer.TryWrite(MessageBatch.Of(_topic, _filling)))
        {
            return false;
        }

        Interlocked.Add(ref _inFlightEvents, _filling.Count);
        _filling = new(_options.MaxBatchSize);
        return true;
    }

    // Seals what is filling and waits until every sealed batch is persisted.
    private void FlushAll(CancellationToken cancellationToken)
    {
        while (_filling.Count > 0 && !TrySeal())
        {
            _progress.Wait(ProgressPoll, cancellationToken);
        }

        // A sealed batch is never empty: events in flight means a batch in flight.
        while (Volatile.Read(ref _inFlightEvents) > 0)
        {
            _progress.Wait(ProgressPoll, cancellationToken);
        }
    }

    // Stage one: decode each sealed batch once (and dead-letter what is not an event), outside the store's retries.
    private async Task ReadSealedAsync()
    {
        try
        {
            // A batch is taken from the sealed one only when the writer has room for it, so that no more than a batch
            // waits in each place (memory: the worker stays under 200 MB resident at full speed).
            while (await _read.Writer.WaitToWriteAsync() && await _sealed.Reader.WaitToReadAsync() && _sealed.Reader.TryRead(out var batch))
            {
                try
                {
                    await _read.Writer.WriteAsync(await _reader.ReadAsync(batch, _stopping.Token), _stopping.Token);
                }
                catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
                {
                    // Stopping before it was read: nothing of it is persisted, so it is redelivered.
                    Release(batch);
                }
            }
        }
        finally
        {
            _read.Writer.TryComplete();
        }
    }

    // Stage two: persist each read batch with its offsets, retried until it succeeds or the worker stops.
    private async Task WriteReadAsync()
    {
        await foreach (var batch in _read.Reader.ReadAllAsync())
        {
            try
            {
                var clock = Stopwatch.StartNew();
                await _retry.ExecuteAsync(async token => await _handler.HandleAsync(batch, token), _stopping.Token);
                _metrics.BatchPersisted(batch.Messages.Count, clock.Elapsed);
                Interlocked.Add(ref _events, batch.Messages.Count);
                Interlocked.Increment(ref _batches);
                lock (_lock)
                {
                    foreach (var (partition, next) in batch.NextOffsets)
                    {
                        _persisted[new TopicPartition(batch.Topic, partition)] = next;
                    }
                }

                foreach (var (partition, next) in batch.NextOffsets)
                {
                    _committer.MarkPersisted(new TopicPartitionOffset(batch.Topic, partition, next));
                }
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                // Stopping without having persisted it: its offsets are not recorded anywhere, so it is redelivered.
            }
            finally
            {
                Release(batch);
            }
        }
    }

    private void Release(MessageBatch batch)
    {
        Interlocked.Add(ref _inFlightEvents, -batch.Messages.Count);
        _progress.Notify();
    }
}
