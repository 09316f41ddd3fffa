namespace Signups.AppHost.Hosting;

/// <summary>The recent output of a resource's replicas, and a way to wait for a line.</summary>
public sealed class ResourceLog(int capacity = 2000)
{
    private readonly Lock _lock = new();
    private readonly Queue<LogLine> _lines = new();
    private long _written;

    /// <summary>Raised for every line, on the thread that read it.</summary>
    public event Action<LogLine>? LineWritten;

    /// <summary>Lines written so far, including those no longer kept.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>The most recent lines, oldest first.</summary>
    public IReadOnlyList<LogLine> Snapshot()
    {
        lock (_lock)
        {
            return [.. _lines];
        }
    }

    /// <summary>Waits for the next line matching <paramref name="match"/>, or for one already kept when <paramref name="includeKept"/>.</summary>
    public async Task<LogLine> WaitForAsync(Func<LogLine, bool> match, bool includeKept, CancellationToken cancellationToken)
    {
        var found = new TaskCompletionSource<LogLine>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(LogLine line)
        {
            if (match(line))
            {
                found.TrySetResult(line);
            }
        }

        LineWritten += OnLine;
        try
        {
            if (includeKept && Snapshot().FirstOrDefault(match) is { } kept)
            {
                return kept;
            }

            return await found.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            LineWritten -= OnLine;
        }
    }

    internal void Write(LogLine line)
    {
        lock (_lock)
        {
            _lines.Enqueue(line);
            while (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
        }

        Interlocked.Increment(ref _written);
        LineWritten?.Invoke(line);
    }
}
