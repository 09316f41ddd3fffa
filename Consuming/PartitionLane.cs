using System.Threading.Channels;
using Confluent.Kafka;

namespace Signups.Consuming;

/// <summary>
/// One partition's messages, handled in order: whatever has arrived (up to the batch size) is handled as one
/// batch, and the next batch waits for it. Runs on the thread pool, concurrently with other partitions' lanes.
/// </summary>
internal sealed class PartitionLane
{
    private readonly Channel<ConsumeResult<byte[], byte[]>> _queue;
    private readonly CancellationTokenSource _abandon = new();
    private readonly TopicPartition _partition;
    private readonly int _capacity;
    private readonly int _maxBatchSize;
    private long _nextOffset = -1;

    public PartitionLane(TopicPartition partition, PartitionLaneOptions options, Func<MessageBatch, CancellationToken, ValueTask> persist)
    {
        _partition = partition;
        _capacity = options.LaneCapacity;
        _maxBatchSize = options.MaxBatchSize;
        _queue = Channel.CreateBounded<ConsumeResult<byte[], byte[]>>(new BoundedChannelOptions(_capacity)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        Completion = Task.Run(() => RunAsync(persist));
    }

    /// <summary>Ends when the lane has handled everything written before <see cref="Complete"/>, or was abandoned.</summary>
    public Task Completion { get; }

    /// <summary>At most half full: room enough to take messages again.</summary>
    public bool HasSlack => _queue.Reader.Count <= _capacity / 2;

    /// <summary>Messages queued and not yet persisted (the batch in hand is counted by the caller's metrics).</summary>
    public int Queued => _queue.Reader.Count;

    /// <summary>The offset after the last persisted message, if any was.</summary>
    public TopicPartitionOffset? Persisted => Interlocked.Read(ref _nextOffset) is >= 0 and var next ? new(_partition, next) : null;

    public long Events { get; private set; }

    public int Batches { get; private set; }

    public bool TryWrite(ConsumeResult<byte[], byte[]> message) => _queue.Writer.TryWrite(message);

    /// <summary>No more messages: the lane finishes what it holds.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>Stops after the batch in hand (or at once, cancelling it); what is queued is dropped unpersisted.</summary>
    public void Abandon()
    {
        Complete();
        _abandon.Cancel();
    }

    private async Task RunAsync(Func<MessageBatch, CancellationToken, ValueTask> persist)
    {
        var reader = _queue.Reader;
        var messages = new List<ConsumeResult<byte[], byte[]>>(_maxBatchSize);
        try
        {
            while (await reader.WaitToReadAsync(_abandon.Token))
            {
                while (messages.Count < _maxBatchSize && reader.TryRead(out var message))
                {
                    messages.Add(message);
                }

                var batch = MessageBatch.Of(_partition.Topic, [.. messages]);
                await persist(batch, _abandon.Token);
                Interlocked.Exchange(ref _nextOffset, batch.NextOffsets[_partition.Partition.Value]);
                Events += messages.Count;
                Batches++;
                messages.Clear();
            }
        }
        catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
        {
            // Abandoned: the partition is gone or the drain ran out of time; nothing after the last batch is persisted.
        }
    }
}
