using System.Collections.Concurrent;
using System.Diagnostics;
using Confluent.Kafka;

namespace Signups.Producer.Load;

/// <summary>What the load generator has done so far: counts, acknowledgement latencies and why events failed.</summary>
internal sealed class LoadStatistics
{
    private readonly ConcurrentDictionary<string, long> _failures = new(StringComparer.Ordinal);
    private long _sent;
    private long _acknowledged;
    private long _failed;
    private long _firstSent;
    private long _lastCompleted;

    public LatencyHistogram Latency { get; } = new();

    public long Sent => Interlocked.Read(ref _sent);

    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    public long Failed => Interlocked.Read(ref _failed);

    public long InFlight => Sent - Acknowledged - Failed;

    /// <summary>From the first send until now.</summary>
    public TimeSpan Elapsed => _firstSent == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(_firstSent);

    /// <summary>From the first send until the last acknowledgement or failure.</summary>
    public TimeSpan ActiveTime => _firstSent == 0 || Volatile.Read(ref _lastCompleted) == 0
        ? TimeSpan.Zero
        : Stopwatch.GetElapsedTime(_firstSent, Volatile.Read(ref _lastCompleted));

    public IReadOnlyDictionary<string, long> Failures => _failures;

    /// <summary>Marks the start of the run at the first send.</summary>
    public void OnSent(long timestamp)
    {
        if (_firstSent == 0)
        {
            _firstSent = timestamp;
        }

        Interlocked.Increment(ref _sent);
    }

    /// <summary>Kafka's answer for an event sent at <paramref name="sentAt"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public void OnCompleted(Error error, long sentAt)
    {
        var now = Stopwatch.GetTimestamp();
        Volatile.Write(ref _lastCompleted, now);
        if (error.IsError)
        {
            _failures.AddOrUpdate(error.Reason, 1, (_, n) => n + 1);
            Interlocked.Increment(ref _failed);
            return;
        }

        Latency.Record((long)Stopwatch.GetElapsedTime(sentAt, now).TotalMicroseconds);
        Interlocked.Increment(ref _acknowledged);
    }
}
