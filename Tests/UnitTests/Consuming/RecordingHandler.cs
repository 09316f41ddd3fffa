using System.Collections.Concurrent;
using Signups.Consuming;

namespace Signups.UnitTests.Consuming;

/// <summary>A batch handler that records what it persisted; <see cref="Hold"/> makes it wait until released.</summary>
internal sealed class RecordingHandler : IMessageBatchHandler
{
    private readonly ConcurrentQueue<MessageBatch> _batches = new();
    private TaskCompletionSource _gate = CreateOpenGate();
    private int _started;

    public IReadOnlyList<MessageBatch> Batches => [.. _batches];

    public IEnumerable<(int Partition, long Offset)> Persisted =>
        _batches.SelectMany(b => b.Messages).Select(m => (m.Partition.Value, m.Offset.Value));

    public Func<MessageBatch, Exception?> Fail { get; set; } = _ => null;

    /// <summary>Batches whose handling has begun (including ones still held).</summary>
    public int Started => Volatile.Read(ref _started);

    public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate.TrySetResult();

    public Task<IReadOnlyDictionary<int, long>> ReadNextOffsetsAsync(string topic, IReadOnlyList<int> partitions, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<int, long>>(new Dictionary<int, long>());

    public async Task HandleAsync(MessageBatch batch, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _started);
        await _gate.Task.WaitAsync(cancellationToken);
        if (Fail(batch) is { } failure)
        {
            throw failure;
        }

        _batches.Enqueue(batch);
    }

    private static TaskCompletionSource CreateOpenGate()
    {
        var gate = new TaskCompletionSource();
        gate.SetResult();
        return gate;
    }
}
