using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Signups.AppHost.Lifecycle;

/// <summary>
/// The graph's stop, in order, which neither Aspire nor DCP has (DCP stops everything at once and kills what takes
/// longer than a few seconds): resources nobody waits for first (the demo load, then the producer), each worker once
/// its group has caught up with the topic, the broker last. Runs when the AppHost is asked to stop (Ctrl+C, SIGTERM,
/// a test's <c>StopAsync</c>), before Aspire's own shutdown: registered last, this hosted service is stopped first.
/// A second SIGINT or SIGTERM gives up the order; Aspire then stops what is left at once and the AppHost exits 130.
/// </summary>
internal sealed partial class OrderedStop(
    DistributedApplicationModel model,
    ReplicaTracker replicas,
    ResourceCommandService commands,
    ResourceNotificationService notifications,
    TimeProvider clock,
    ILogger<OrderedStop> logger) : IHostedService
{
    /// <summary>The exit code after a second signal.</summary>
    public const int InterruptedExitCode = 130;

    /// <summary>The exit code when a replica did not exit with 0.</summary>
    public const int UncleanExitCode = 1;

    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(60);

    private readonly List<StopOutcome> _outcomes = [];
    private int _stopping;

    /// <summary>How each replica ended, in the order they stopped (for tests and the last log line).</summary>
    public IReadOnlyList<StopOutcome> Outcomes
    {
        get
        {
            lock (_outcomes)
            {
                return [.. _outcomes];
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host may be stopped again when it is disposed; the graph is stopped once.
        if (Interlocked.Exchange(ref _stopping, 1) == 1)
        {
            return;
        }

        using var givenUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void GiveUp(PosixSignalContext context)
        {
            context.Cancel = true;
            givenUp.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, GiveUp);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, GiveUp);
        try
        {
            foreach (var layer in Layers())
            {
                LogStopping(logger, string.Join(", ", layer.Select(r => r.Name)));
                await Task.WhenAll(layer.Select(resource => StopAsync(resource, givenUp.Token)));
            }
        }
        catch (OperationCanceledException) when (givenUp.IsCancellationRequested)
        {
            LogGivenUp(logger);
            Environment.ExitCode = InterruptedExitCode;
            return;
        }

        var unclean = Outcomes.Where(o => !o.IsClean).ToList();
        if (unclean.Count == 0)
        {
            LogClean(logger, Outcomes.Count);
        }
        else
        {
            LogUnclean(logger, string.Join("; ", unclean));
            Environment.ExitCode = UncleanExitCode;
        }
    }

    // The app's resources that DCP runs (not Aspire's own, which it hides), in stop order: each layer holds those that
    // no resource still running waits for.
    private List<List<IResource>> Layers()
    {
        var running = model.Resources
            .Where(r => r is ProjectResource or ExecutableResource or ContainerResource)
            .Where(r => replicas.ReplicasOf(r) is { Count: > 0 } seen && seen.Any(e => !e.Snapshot.IsHidden))
            .ToHashSet();
        // A wait for a database is a wait for the server that holds it.
        static IResource Runs(IResource resource) => resource is IResourceWithParent child ? Runs(child.Parent) : resource;
        var waitsFor = running.ToDictionary(r => r, r => r.Annotations.OfType<WaitAnnotation>().Select(w => Runs(w.Resource)).ToHashSet());
        var layers = new List<List<IResource>>();
        while (running.Count > 0)
        {
            var layer = running.Where(r => !running.Any(other => waitsFor[other].Contains(r))).ToList();
            if (layer.Count == 0)
            {
                layer = [.. running];
            }

            layers.Add(layer);
            running.ExceptWith(layer);
        }

        return layers;
    }

    private async Task StopAsync(IResource resource, CancellationToken cancellationToken)
    {
        if (resource.Annotations.OfType<CatchUpBeforeStopAnnotation>().SingleOrDefault() is { } catchUp)
        {
            await CatchUpAsync(resource, catchUp, cancellationToken);
        }

        await Task.WhenAll(replicas.ReplicasOf(resource)
            .Where(r => r.Snapshot.State?.Text is not { } state || !KnownResourceStates.TerminalStates.Contains(state))
            .Select(r => StopReplicaAsync(r, cancellationToken)));
    }

    private async Task CatchUpAsync(IResource worker, CatchUpBeforeStopAnnotation catchUp, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(catchUp.Limit);
        var lag = -1L;
        try
        {
            var bootstrap = await catchUp.Kafka.ConnectionStringExpression.GetValueAsync(deadline.Token);
            while ((lag = await ConsumerGroupLag.ReadAsync(bootstrap!, catchUp.Topic, catchUp.Group, ReplicaEndpoints(worker), deadline.Token)) > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), clock, deadline.Token);
            }
        }
        catch (Exception e) when (e is Confluent.Kafka.KafkaException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogBehind(logger, worker.Name, lag < 0 ? "an unknown number of" : $"{lag}");
        }
    }

    // Each running replica's own address (not Aspire's proxy in front of them all), where it answers /stats.
    private IEnumerable<Uri> ReplicaEndpoints(IResource worker) =>
        replicas.ReplicasOf(worker).Select(r => ServiceProcess.Of(r.Snapshot)).OfType<int>().Select(ServiceProcess.HttpEndpoint).OfType<Uri>();

    private async Task StopReplicaAsync(ResourceEvent replica, CancellationToken cancellationToken)
    {
        var signalledAt = clock.GetUtcNow();
        int? exitCode = null;
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(StopLimit);
            var stopped = notifications.WaitForResourceAsync(replica.Resource.Name,
                e => e.ResourceId == replica.ResourceId && e.Snapshot.State?.Text is { } state && KnownResourceStates.TerminalStates.Contains(state), limit.Token);
            await commands.ExecuteCommandAsync(replica.ResourceId, KnownResourceCommands.StopCommand, limit.Token);
            exitCode = (await stopped).Snapshot.ExitCode ?? 0;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }

        var outcome = new StopOutcome(replica.ResourceId, replica.Resource.Name, exitCode, signalledAt, clock.GetUtcNow());
        lock (_outcomes)
        {
            _outcomes.Add(outcome);
        }

        LogStopped(logger, outcome.ToString());
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Stopping {Resources}.")]
    private static partial void LogStopping(ILogger logger, string resources);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{Outcome}.")]
    private static partial void LogStopped(ILogger logger, string outcome);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "{Worker} is {Lag} message(s) behind; stopping it anyway: it resumes from its store on the next start.")]
    private static partial void LogBehind(ILogger logger, string worker, string lag);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Every resource stopped cleanly ({Replicas} processes, each exit code 0).")]
    private static partial void LogClean(ILogger logger, int replicas);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "Not every resource stopped cleanly: {Unclean}.")]
    private static partial void LogUnclean(ILogger logger, string unclean);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Second signal: stopping everything at once.")]
    private static partial void LogGivenUp(ILogger logger);
}
