using System.Collections.Concurrent;
using System.Diagnostics;
using Confluent.Kafka;

namespace Signups.Producer.Load;

/// <summary>
/// What the load generator has done so far: counts, acknowledgement latencies and why events failed. The sending
/// loop writes the sent count; librdkafka's delivery thread writes the rest. Reads are plain volatile reads, not
/// interlocked ones, so that neither thread keeps stealing the other's cache line.
/// </summary>
internal sealed class LoadStatistics
{
    private readonly ConcurrentDictionary<string, long> _failures = new(StringComparer.Ordinal);
    private long _sent;
    private long _acknowledged;
    private long _failed;
    private long _firstSent;
    private long _lastCompleted;

    public LatencyHistogram Latency { get; } = new();

    public long Sent => Volatile.Read(ref _sent);

    public long Acknowledged => Volatile.Read(ref _acknowledged);

    public long Failed => Volatile.Read(ref _failed);

    /// <summary>Events Kafka has answered for, either way.</summary>
    public long Completed => Acknowledged + Failed;

    /// <summary>From the first send until now.</summary>
    public TimeSpan Elapsed => _firstSent == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(_firstSent);

    /// <summary>From the first send until the last acknowledgement or failure.</summary>
    public TimeSpan ActiveTime => _firstSent == 0 || Volatile.Read(ref _lastCompleted) == 0
        ? TimeSpan.Zero
        : Stopwatch.GetElapsedTime(_firstSent, Volatile.Read(ref _lastCompleted));

    public IReadOnlyDictionary<string, long> Failures => _failures;

    /// <summary>Marks the start of the run (a <see cref="Stopwatch"/> timestamp) at the first send.</summary>
    public void OnStarted(long timestamp) => _firstSent = timestamp;

    /// <summary>How many events the sending loop has handed to Kafka so far (it reports now and then, not per event).</summary>
    public void OnSent(long sent) => Volatile.Write(ref _sent, sent);

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
