using System.Diagnostics.Metrics;
using Signups.Messaging.Kafka.Diagnostics;

namespace Signups.Consuming;

/// <summary>What a worker did with the events it consumed.</summary>
public sealed class ConsumerMetrics
{
    private readonly KeyValuePair<string, object?> _group;
    private readonly Counter<long> _events;
    private readonly Counter<long> _deadLetters;
    private readonly Histogram<long> _batchSize;
    private readonly Histogram<double> _batchDuration;
    private readonly Histogram<double> _drainDuration;
    private long _processed;
    private long _redelivered;
    private long _deadLettered;
    private long _batches;
    private long _received;
    private long _firstReceivedTicks;
    private long _lastPersistedTicks;
    private int _lastBatchSize;

    public ConsumerMetrics(IMeterFactory meterFactory, string consumerGroup)
    {
        var meter = meterFactory.Create(KafkaTelemetry.MeterName);
        _group = new("messaging.consumer.group.name", consumerGroup);
        _events = meter.CreateCounter<long>("signups.consumer.events", "{event}",
            "Events handled, by outcome: processed, redelivered (already handled, nothing changed) or dead_lettered.");
        _deadLetters = meter.CreateCounter<long>("signups.consumer.dead_letters", "{message}", "Messages sent to the dead-letter topic.");
        _batchSize = meter.CreateHistogram<long>("signups.consumer.batch.size", "{event}", "Events per persisted batch (transaction).");
        _batchDuration = meter.CreateHistogram<double>("signups.consumer.batch.duration", "s", "Time to persist one batch.");
        _drainDuration = meter.CreateHistogram<double>("signups.consumer.drain.duration", "s", "Time from the stop signal to the last commit.");
    }

    /// <summary>Events handled since start, by outcome (read by the worker's stats endpoint).</summary>
    public long Processed => Interlocked.Read(ref _processed);

    /// <summary>Events that had been handled before (redeliveries).</summary>
    public long Redelivered => Interlocked.Read(ref _redelivered);

    /// <summary>Messages dead-lettered since start.</summary>
    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    /// <summary>Messages received from Kafka since start.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>When the first message since start was received.</summary>
    public DateTimeOffset? FirstReceivedAt => Interlocked.Read(ref _firstReceivedTicks) is > 0 and var ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>When the last batch was persisted.</summary>
    public DateTimeOffset? LastPersistedAt => Interlocked.Read(ref _lastPersistedTicks) is > 0 and var ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>Batches persisted since start.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Events in the most recent batch.</summary>
    public int LastBatchSize => Volatile.Read(ref _lastBatchSize);

    public void MessageReceived()
    {
        if (Interlocked.Increment(ref _received) == 1)
        {
            Interlocked.Exchange(ref _firstReceivedTicks, DateTimeOffset.UtcNow.UtcTicks);
        }
    }

    public void EventsProcessed(long count)
    {
        Interlocked.Add(ref _processed, count);
        _events.Add(count, _group, new("outcome", "processed"));
    }

    public void EventsRedelivered(long count)
    {
        Interlocked.Add(ref _redelivered, count);
        _events.Add(count, _group, new("outcome", "redelivered"));
    }

    public void MessageDeadLettered(string reason)
    {
        Interlocked.Increment(ref _deadLettered);
        _events.Add(1, _group, new("outcome", "dead_lettered"));
        _deadLetters.Add(1, _group, new("error.type", reason));
    }

    public void BatchPersisted(int size, TimeSpan duration)
    {
        Interlocked.Increment(ref _batches);
        Volatile.Write(ref _lastBatchSize, size);
        Interlocked.Exchange(ref _lastPersistedTicks, DateTimeOffset.UtcNow.UtcTicks);
        _batchSize.Record(size, _group);
        _batchDuration.Record(duration.TotalSeconds, _group);
    }

    public void Drained(TimeSpan duration) => _drainDuration.Record(duration.TotalSeconds, _group);
}
