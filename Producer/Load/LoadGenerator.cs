using System.Collections.Concurrent;
using System.Diagnostics;
using Confluent.Kafka;
using Signups.Messaging;
using Signups.Messaging.Kafka;
using Signups.Producer.Publishing;

namespace Signups.Producer.Load;

/// <summary>
/// Publishes generated signups through <see cref="SignupPublisher"/> (the API's own path) at a given rate or as
/// fast as Kafka acknowledges, without waiting for each acknowledgement: librdkafka batches what is queued.
/// </summary>
internal sealed class LoadGenerator(SignupPublisher publisher, LoadStatistics statistics, TimeProvider clock)
{
    /// <summary>
    /// Events queued but not yet acknowledged, at most; beyond it the generator waits for Kafka. Enough to keep
    /// full batches on every partition; more would only hold more events (and garbage) in memory for longer.
    /// </summary>
    public const int MaxInFlight = 20_000;

    private const int CheckEvery = 64;
    private readonly ConcurrentQueue<UserSignedUp> _confirmed = new();
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(1);

    /// <summary>The events Kafka confirmed, when <see cref="LoadOptions.ConfirmedIdsPath"/> asked for them.</summary>
    public IReadOnlyCollection<UserSignedUp> Confirmed => _confirmed;

    /// <summary>Publishes until <see cref="LoadOptions.Count"/> events were sent or <paramref name="stopping"/> fires.</summary>
    public async Task RunAsync(LoadOptions options, CancellationToken stopping)
    {
        var signups = new GeneratedSignups(clock);
        var started = Stopwatch.GetTimestamp();
        statistics.OnStarted(started);
        long sent = 0;
        while ((options.Count == 0 || sent < options.Count) && !stopping.IsCancellationRequested)
        {
            // Counts shared with the delivery thread are touched once per CheckEvery events, not per event.
            if (sent % CheckEvery == 0)
            {
                statistics.OnSent(sent);
                if (sent - statistics.Completed >= MaxInFlight)
                {
                    await Task.Delay(Pause, CancellationToken.None);
                    continue;
                }
            }

            if (options.Rate > 0 && sent >= options.Rate * Stopwatch.GetElapsedTime(started).TotalSeconds)
            {
                // Ahead of the rate: sleep until the next event is due (at least a timer tick).
                statistics.OnSent(sent);
                var due = TimeSpan.FromSeconds((sent + 1.0) / options.Rate) - Stopwatch.GetElapsedTime(started);
                await Task.Delay(due > Pause ? due : Pause, CancellationToken.None);
                continue;
            }

            var sentAt = Stopwatch.GetTimestamp();
            try
            {
                var signup = signups.Next();
                publisher.Publish(signup, options.ConfirmedIdsPath is null
                    ? report => statistics.OnCompleted(report.Outcome(), sentAt)
                    : report =>
                    {
                        var outcome = report.Outcome();
                        statistics.OnCompleted(outcome, sentAt);
                        if (!outcome.IsError)
                        {
                            _confirmed.Enqueue(signup);
                        }
                    });
            }
            catch (ProduceException<byte[], byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                // librdkafka's own queue is full (queue.buffering.max.*): wait for acknowledgements to make room.
                await Task.Delay(Pause, CancellationToken.None);
                continue;
            }

            sent++;
        }

        statistics.OnSent(sent);
    }
}
