using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Signups.Consuming;

/// <summary>
/// Polls Kafka on a thread of its own and hands messages to an <see cref="IPartitionProcessor"/>.
/// Stopping reads as the shutdown story: stop fetching, drain the processor, commit, leave the group
/// (bounded: Close can hang while the group rebalances), and exit non-zero if the drain failed.
/// The consumer is the singleton <c>AddKafkaConsumer</c> registers, built on this loop's thread when it starts; its
/// rebalance handlers are this loop's (<see cref="AttachTo"/>, called from that registration's builder).
/// </summary>
internal sealed partial class KafkaConsumeLoop(
    IServiceProvider services,
    IPartitionProcessor processor,
    KafkaOffsetCommitter committer,
    ConsumerState state,
    ConsumerMetrics metrics,
    IOptions<MessagingOptions> messaging,
    IOptions<HostOptions> host,
    IHostApplicationLifetime lifetime,
    ILogger<KafkaConsumeLoop> logger) : IHostedService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CommitTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan UnassignTimeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan UnassignPoll = TimeSpan.FromMilliseconds(50);

    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Backpressure _backpressure = new();
    private volatile bool _stopRequested;
    private volatile bool _leaving;

    private string GroupId => state.GroupId;

    /// <summary>Makes this loop the consumer's rebalance listener.</summary>
    public void AttachTo(ConsumerBuilder<byte[], byte[]> builder) => builder
        .SetPartitionsAssignedHandler((c, partitions) => OnAssigned(messaging.Value.Topic, partitions))
        .SetPartitionsRevokedHandler(OnRevoked)
        .SetPartitionsLostHandler(OnLost);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var thread = new Thread(Run) { IsBackground = true, Name = $"consume {GroupId}" };
        thread.Start();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopRequested = true;
        await _stopping.CancelAsync();
        await _stopped.Task.WaitAsync(cancellationToken);
    }

    private void Run()
    {
        var topic = messaging.Value.Topic;
        IConsumer<byte[], byte[]>? consumer = null;
        try
        {
            if (!WaitForGates())
            {
                return;
            }

            // Resolved here, not injected: the consumer's builder attaches this loop, and a consumer that cannot be
            // built fails this thread visibly (below) instead of the host's start.
            consumer = services.GetRequiredService<IConsumer<byte[], byte[]>>();
            committer.Attach(consumer);
            consumer.Subscribe(topic);
            LogSubscribed(logger, topic, GroupId);

            while (!_stopRequested)
            {
                Poll(consumer);
                processor.OnTick();
            }

            Drain(consumer);
        }
        catch (Exception e)
        {
            // The loop's own thread: whatever ends it must end the service visibly (non-zero exit, restart by the AppHost),
            // never leave a process that looks alive and consumes nothing.
            LogFailed(logger, e, GroupId, e.Message);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
        finally
        {
            if (consumer is not null)
            {
                Leave(consumer);
            }

            _stopped.TrySetResult();
        }
    }

    // On this thread, before the group is joined; false when the service stops first.
    private bool WaitForGates()
    {
        foreach (var gate in services.GetServices<ConsumeStartGate>())
        {
            var wait = gate.WaitAsync(_stopping.Token);
            if (!wait.IsCompleted)
            {
                LogWaitingFor(logger, gate.What, GroupId);
            }

            try
            {
                wait.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return false;
            }
        }

        return true;
    }

    private void Poll(IConsumer<byte[], byte[]> consumer)
    {
        if (_backpressure.Holding)
        {
            var poll = _backpressure.Relieve(consumer, processor);
            state.OnPaused(_backpressure.Holding);
            if (!poll)
            {
                return;
            }
        }

        ConsumeResult<byte[], byte[]>? result;
        try
        {
            result = consumer.Consume(PollInterval);
        }
        catch (ConsumeException e) when (!e.Error.IsFatal && e.Error.Code != ErrorCode.Local_Application)
        {
            LogConsumeError(logger, e.Error.Code, e.Error.Reason);
            return;
        }

        if (result?.Message is not null)
        {
            metrics.MessageReceived();
            state.OnReceived(result.Partition.Value, result.Offset.Value);
            _backpressure.Offer(processor, result);
        }
    }

    private IEnumerable<TopicPartitionOffset> OnAssigned(string topic, List<TopicPartition> partitions)
    {
        if (_leaving)
        {
            // A rebalance finishing while the drained loop leaves: nothing of these partitions will be handled.
            return partitions.Select(p => new TopicPartitionOffset(p, Offset.Unset));
        }

        var start = processor.OnAssigned(topic, partitions);
        state.OnAssigned(partitions);
        if (partitions.Count > 0)
        {
            LogAssigned(logger, GroupId, Describe(start));
        }

        return start;
    }

    private void OnRevoked(IConsumer<byte[], byte[]> consumer, List<TopicPartitionOffset> revoked)
    {
        if (_leaving)
        {
            // Drained and committed already, or the loop failed: either way the store holds the offsets that count.
            return;
        }

        var partitions = revoked.Select(p => p.TopicPartition).ToList();
        Forget(consumer, partitions);
        var offsets = processor.OnRevoked(partitions);
        Commit(consumer, offsets);
        state.OnRemoved(partitions);
        if (partitions.Count > 0)
        {
            LogRevoked(logger, GroupId, Describe(offsets));
        }
    }

    private void OnLost(IConsumer<byte[], byte[]> consumer, List<TopicPartitionOffset> lost)
    {
        if (_leaving)
        {
            // Nothing is handled any more: there is no unpersisted work to drop.
            return;
        }

        var partitions = lost.Select(p => p.TopicPartition).ToList();
        Forget(consumer, partitions);
        processor.OnLost(partitions);
        state.OnRemoved(partitions);
        LogLost(logger, GroupId, string.Join(",", partitions.Select(p => p.Partition.Value)));
    }

    // Messages taken from Kafka but not yet by the processor belong to partitions we no longer own.
    private void Forget(IConsumer<byte[], byte[]> consumer, IReadOnlyCollection<TopicPartition> partitions)
    {
        _backpressure.Forget(consumer, partitions);
        state.OnPaused(_backpressure.Holding);
    }

    private void Drain(IConsumer<byte[], byte[]> consumer)
    {
        var clock = Stopwatch.StartNew();
        state.Stopping = true;
        consumer.Pause(consumer.Assignment);
        _backpressure.Clear();

        // Leave time inside the host's shutdown timeout for the commit and for leaving the group.
        using var deadline = new CancellationTokenSource(host.Value.ShutdownTimeout - CloseTimeout - TimeSpan.FromSeconds(2));
        var drained = processor.Drain(deadline.Token);
        Commit(consumer, drained.Offsets);
        metrics.Drained(clock.Elapsed);
        if (drained.Succeeded)
        {
            LogDrained(logger, drained.Events, drained.Batches, drained.Offsets.Count, clock.Elapsed.TotalMilliseconds);
        }
        else
        {
            LogDrainFailed(logger, drained.Events, drained.Batches);
            Environment.ExitCode = 1;
        }
    }

    private void Commit(IConsumer<byte[], byte[]> consumer, IReadOnlyList<TopicPartitionOffset> offsets)
    {
        if (offsets.Count == 0)
        {
            return;
        }

        // The store holds the offsets that count; Kafka's copy is for lag tools and catches up at the next commit.
        // A synchronous commit waits as long as the coordinator is unreachable, so it is bounded.
        var commit = Task.Run(() => consumer.Commit(offsets));
        try
        {
            if (!commit.Wait(CommitTimeout))
            {
                LogCommitFailed(logger, $"no answer within {CommitTimeout.TotalSeconds:0} s");
            }
        }
        catch (AggregateException e) when (e.InnerException is KafkaException kafka)
        {
            LogCommitFailed(logger, kafka.Error.Reason);
        }
    }

    private void Leave(IConsumer<byte[], byte[]> consumer)
    {
        committer.Attach(null);
        _leaving = true;
        var close = Task.Run(() =>
        {
            Unsubscribe(consumer);
            consumer.Close();
        });
        // Close disposes the consumer, so the container's own Dispose at exit finds nothing left to do.
        if (!close.Wait(CloseTimeout))
        {
            LogCloseTimedOut(logger, CloseTimeout.TotalSeconds);
        }
    }

    // librdkafka aborts the process (rd_kafka_cgrp_terminated: assert: !rd_kafka_assignment_in_progress) or hangs when
    // Close meets a cooperative rebalance in progress, as when two replicas stop at once (librdkafka #4527, #4792). Its
    // maintainers' workaround: unsubscribe, poll until nothing is assigned, then close. What is drained is committed;
    // the callbacks polled here only let the rebalance finish (see OnAssigned, OnRevoked, OnLost).
    private void Unsubscribe(IConsumer<byte[], byte[]> consumer)
    {
        try
        {
            consumer.Unsubscribe();
            var clock = Stopwatch.StartNew();
            while (consumer.Assignment.Count > 0 && clock.Elapsed < UnassignTimeout)
            {
                // A message fetched now is not handled: its offset is committed nowhere, so it is redelivered.
                consumer.Consume(UnassignPoll);
            }
        }
        catch (KafkaException e)
        {
            LogUnsubscribeFailed(logger, e.Error.Reason);
        }
    }

    private static string Describe(IEnumerable<TopicPartitionOffset> offsets) =>
        string.Join(", ", offsets.Select(o => o.Offset == Offset.Unset ? $"{o.Partition.Value}" : $"{o.Partition.Value}@{o.Offset.Value}"));

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "Waiting for {What} before joining consumer group {Group}")]
    private static partial void LogWaitingFor(ILogger logger, string what, string group);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Subscribed to {Topic} as consumer group {Group}")]
    private static partial void LogSubscribed(ILogger logger, string topic, string group);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{Group}: assigned partitions {Partitions} (partition@stored offset)")]
    private static partial void LogAssigned(ILogger logger, string group, string partitions);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "{Group}: finished and committed revoked partitions {Partitions} (partition@next offset)")]
    private static partial void LogRevoked(ILogger logger, string group, string partitions);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "{Group}: partitions {Partitions} were lost to another member; their unpersisted work is dropped and will be redelivered")]
    private static partial void LogLost(ILogger logger, string group, string partitions);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Kafka consume error {Code}: {Reason}")]
    private static partial void LogConsumeError(ILogger logger, ErrorCode code, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Committing offsets to Kafka failed ({Reason}); the store keeps the offsets that count")]
    private static partial void LogCommitFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Drained: {Events} events persisted in {Batches} batches, offsets of {Partitions} partitions committed, in {Milliseconds:0} ms")]
    private static partial void LogDrained(ILogger logger, long events, int batches, int partitions, double milliseconds);

    [LoggerMessage(EventId = 8, Level = LogLevel.Error, Message = "Drain incomplete: {Events} events persisted in {Batches} batches, the rest could not be; they stay uncommitted and will be redelivered")]
    private static partial void LogDrainFailed(ILogger logger, long events, int batches);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "Leaving the consumer group did not finish within {Seconds} s (the group is rebalancing); exiting anyway, offsets are already stored")]
    private static partial void LogCloseTimedOut(ILogger logger, double seconds);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "Unsubscribing before leaving the consumer group failed ({Reason}); closing anyway, offsets are already stored")]
    private static partial void LogUnsubscribeFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 10, Level = LogLevel.Critical, Message = "The consume loop of {Group} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string group, string reason);
}
