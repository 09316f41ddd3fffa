using System.Runtime.InteropServices;

namespace Signups.AppHost.Hosting;

/// <summary>
/// The running app: starts resources in dependency order (each when what it waits for is ready), and
/// stops them in reverse (a resource after everything that waits for it), as Aspire's AppHost does.
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly List<IAsyncDisposable> _companions = [];
    private readonly CancellationTokenSource _stopRequested = new();
    private Task<StopReport>? _stopping;
    private bool _started;

    internal DistributedApplication(AppHostOptions options, AppHostConsole console, IReadOnlyList<Resource> resources)
    {
        Options = options;
        Console = console;
        Resources = resources;
    }

    public AppHostOptions Options { get; }

    public AppHostConsole Console { get; }

    /// <summary>Every resource, in declaration order.</summary>
    public IReadOnlyList<Resource> Resources { get; }

    /// <summary>Cancelled when <see cref="StopAsync"/> is first called: companions stop acting on resources then.</summary>
    public CancellationToken Stopping => _stopRequested.Token;

    /// <summary>The dev broker's control API (fault injection); fails with external Kafka.</summary>
    public DevBrokerClient DevBroker => Resources.OfType<DevBrokerResource>().FirstOrDefault()?.Client
        ?? throw new AppHostException("There is no dev broker: the app runs against an external Kafka, or has not started.");

    /// <summary>A resource by name.</summary>
    public Resource GetResource(string name) => Resources.FirstOrDefault(r => r.Name == name)
        ?? throw new AppHostException($"There is no resource {name}; there are {string.Join(", ", Resources.Select(r => r.Name))}.");

    /// <summary>A service by name.</summary>
    public ProjectResource GetProject(string name) => GetResource(name) as ProjectResource
        ?? throw new AppHostException($"{name} is not a service.");

    /// <summary>What a service gets as <c>ConnectionStrings__{name}</c>.</summary>
    public string GetConnectionString(string name) => (GetResource(name) as IResourceWithConnectionString)?.ConnectionString
        ?? throw new AppHostException($"{name} has no connection string (yet).");

    /// <summary>A service's HTTP endpoint.</summary>
    public Uri GetEndpoint(string name) => GetProject(name).Endpoint
        ?? throw new AppHostException($"{name} has no HTTP endpoint (yet).");

    /// <summary>Something that lives as long as the app (the dashboard), disposed when it stops.</summary>
    public void AddCompanion(IAsyncDisposable companion)
    {
        lock (_lock)
        {
            _companions.Add(companion);
        }
    }

    /// <summary>Starts every resource; completes when all are ready, fails (naming the resource and its last lines) when one cannot start.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        _started = true;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.StartTimeout);
        await InDependencyOrder(resource => resource.WaitsFor, async resource =>
        {
            try
            {
                await resource.StartAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new AppHostException($"{resource.Name} was not ready within {Options.StartTimeout.TotalSeconds:0} s.{LastLines(resource)}");
            }
            catch (AppHostException e)
            {
                throw new AppHostException($"{e.Message}{LastLines(resource)}");
            }
        });
    }

    /// <summary>Stops every resource in reverse dependency order; each service gets the grace period to drain.</summary>
    public Task<StopReport> StopAsync()
    {
        lock (_lock)
        {
            if (_stopping is null)
            {
                _stopRequested.Cancel();
                _stopping = StopInOrderAsync();
            }

            return _stopping;
        }
    }

    /// <summary>
    /// Starts the app, prints where to look, waits for Ctrl+C or SIGTERM, stops in order and prints how
    /// each resource ended. Returns 0 only when all stopped cleanly. A second Ctrl+C kills everything at once.
    /// </summary>
    public async Task<int> RunAsync(Action<DistributedApplication>? onStarted = null)
    {
        var stopRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var startCancelled = new CancellationTokenSource();
        var signals = 0;
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            if (Interlocked.Increment(ref signals) == 1)
            {
                Console.Info($"{context.Signal} received: stopping (press Ctrl+C again to kill everything).");
                stopRequested.TrySetResult();
                startCancelled.Cancel();
            }
            else
            {
                Console.Error("Killing every process now.");
                KillAll();
                Environment.Exit(130);
            }
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        try
        {
            await StartAsync(startCancelled.Token);
            onStarted?.Invoke(this);
            await stopRequested.Task;
        }
        catch (AppHostException e)
        {
            Console.Error(e.Message);
        }
        catch (OperationCanceledException) when (startCancelled.IsCancellationRequested)
        {
        }

        var report = await StopAsync();
        return report.IsClean && stopRequested.Task.IsCompleted ? 0 : 1;
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            await StopAsync();
        }
        else
        {
            await DisposeCompanionsAsync();
        }
    }

    private async Task<StopReport> StopInOrderAsync()
    {
        Console.Info("Stopping: producer first, then the workers (each drains), then the broker.");
        var outcomes = new List<StopOutcome>();
        await InDependencyOrder(resource => Resources.Where(r => r.WaitsFor.Contains(resource)), async resource =>
        {
            if (resource.BeforeOrderedStop is { } prepare)
            {
                await prepare(this);
            }

            var ended = await resource.StopAsync(Options.StopGracePeriod);
            lock (outcomes)
            {
                outcomes.AddRange(ended);
            }
        });
        await DisposeCompanionsAsync();
        var report = new StopReport(outcomes);
        foreach (var line in report.Lines)
        {
            Console.Info(line);
        }

        Console.Info(report.IsClean ? "Every resource stopped cleanly." : "Some resources did not stop cleanly.");
        return report;
    }

    private async Task DisposeCompanionsAsync()
    {
        List<IAsyncDisposable> companions;
        lock (_lock)
        {
            companions = [.. _companions];
            _companions.Clear();
        }

        foreach (var companion in companions)
        {
            await companion.DisposeAsync();
        }
    }

    // Runs action on every resource once, each only after action has completed on everything first(resource) names.
    private Task InDependencyOrder(Func<Resource, IEnumerable<Resource>> first, Func<Resource, Task> action)
    {
        var running = new Dictionary<Resource, Task>();

        Task Run(Resource resource)
        {
            lock (running)
            {
                if (!running.TryGetValue(resource, out var task))
                {
                    task = RunAfter(resource);
                    running[resource] = task;
                }

                return task;
            }
        }

        async Task RunAfter(Resource resource)
        {
            await Task.WhenAll(first(resource).Select(Run));
            await action(resource);
        }

        return Task.WhenAll(Resources.Select(Run));
    }

    private void KillAll()
    {
        foreach (var project in Resources.OfType<ProjectResource>())
        {
            for (var replica = 1; replica <= project.Replicas.Count; replica++)
            {
                project.Kill(replica);
            }
        }
    }

    private static string LastLines(Resource resource)
    {
        var lines = resource.Log.Snapshot().TakeLast(15).Select(l => $"{Environment.NewLine}    {l.Source}| {l.Text}").ToList();
        return lines.Count == 0 ? string.Empty : $" Its last lines:{string.Concat(lines)}";
    }
}
