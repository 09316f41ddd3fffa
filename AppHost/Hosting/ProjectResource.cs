namespace Signups.AppHost.Hosting;

/// <summary>
/// A .NET service run from its build output as one or more replicas, each with its own port, output
/// prefix and restart loop.
/// </summary>
public class ProjectResource : Resource
{
    /// <summary>The exit code services use for a configuration error (sysexits EX_CONFIG); such an exit is not retried.</summary>
    public const int ConfigurationErrorExitCode = 78;

    private readonly Lock _lock = new();
    private readonly List<ServiceReplica> _replicas = [];
    private readonly List<Action<ServiceReplica, IDictionary<string, string>>> _environment = [];

    internal ProjectResource(string name, string assemblyPath, AppHostConsole console)
        : base(name, console) => AssemblyPath = assemblyPath;

    /// <summary>The service's entry assembly.</summary>
    public string AssemblyPath { get; }

    /// <summary>The first replica's HTTP endpoint, when the service has one and has started.</summary>
    public Uri? Endpoint => ReplicaList().FirstOrDefault()?.Endpoint;

    /// <inheritdoc />
    public override IReadOnlyList<ReplicaSnapshot> Replicas => [.. ReplicaList().Select(r => r.Snapshot())];

    /// <inheritdoc />
    public override ResourceState State
    {
        get
        {
            var states = ReplicaList().Select(r => r.State).ToList();
            return states.Count == 0 ? ResourceState.NotStarted
                : states.Contains(ResourceState.FailedToStart) ? ResourceState.FailedToStart
                : states.Contains(ResourceState.Starting) ? ResourceState.Starting
                : states.Contains(ResourceState.Restarting) ? ResourceState.Restarting
                : states.Contains(ResourceState.Running) ? ResourceState.Running
                : states.Contains(ResourceState.Stopping) ? ResourceState.Stopping
                : states[0];
        }
    }

    internal List<string> Arguments { get; } = [];

    internal int ReplicaCount { get; set; } = 1;

    internal bool HasHttpEndpoint { get; set; } = true;

    internal int FixedPort { get; set; }

    internal string HealthPath { get; set; } = "/health";

    internal bool RestartOnExit { get; set; } = true;

    internal TimeSpan RestartBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A job (the demo load) may finish; exiting with 0 is then not a failure.</summary>
    internal bool IsJob { get; set; }

    /// <summary>Kills replica <paramref name="replica"/> (1-based) with SIGKILL, as a crash would; returns the killed pid.</summary>
    public int? Kill(int replica = 1) => Replica(replica).Kill();

    /// <summary>Runs <paramref name="replicas"/> replicas: starts new ones (waiting until ready) or stops the highest-numbered.</summary>
    public async Task ScaleAsync(int replicas, TimeSpan grace, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        List<ServiceReplica> added = [], removed = [];
        lock (_lock)
        {
            while (_replicas.Count < replicas)
            {
                var replica = new ServiceReplica(this, _replicas.Count + 1, Console);
                _replicas.Add(replica);
                added.Add(replica);
            }

            while (_replicas.Count > replicas)
            {
                removed.Add(_replicas[^1]);
                _replicas.RemoveAt(_replicas.Count - 1);
            }

            ReplicaCount = replicas;
        }

        Console.Info($"{Name}: scaling to {replicas} replica(s).");
        await Task.WhenAll(removed.Select(r => r.StopAsync(grace)));
        await Task.WhenAll(added.Select(r => r.StartAsync(cancellationToken)));
    }

    /// <summary>Stops every replica gracefully (no restart follows) until <see cref="StartAgainAsync"/>.</summary>
    public Task<IReadOnlyList<StopOutcome>> StopReplicasAsync(TimeSpan grace) => StopAsync(grace);

    /// <summary>Starts replicas that were stopped; completes when they are ready.</summary>
    public Task StartAgainAsync(CancellationToken cancellationToken) => StartAsync(cancellationToken);

    /// <summary>Stops every replica gracefully, then starts them again.</summary>
    public async Task RestartAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        await StopAsync(grace);
        await StartAsync(cancellationToken);
    }

    internal override Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            while (_replicas.Count < ReplicaCount)
            {
                _replicas.Add(new ServiceReplica(this, _replicas.Count + 1, Console));
            }
        }

        return Task.WhenAll(ReplicaList().Select(r => r.StartAsync(cancellationToken)));
    }

    internal override async Task<IReadOnlyList<StopOutcome>> StopAsync(TimeSpan grace) =>
        await Task.WhenAll(ReplicaList().Select(r => r.StopAsync(grace)));

    internal void AddEnvironment(Action<ServiceReplica, IDictionary<string, string>> add) => _environment.Add(add);

    internal IDictionary<string, string> BuildEnvironment(ServiceReplica replica)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["OTEL_SERVICE_NAME"] = Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={replica.Name}",
        };
        if (replica.Endpoint is { } endpoint)
        {
            environment["ASPNETCORE_URLS"] = endpoint.GetLeftPart(UriPartial.Authority);
        }

        foreach (var add in _environment)
        {
            add(replica, environment);
        }

        return environment;
    }

    internal int PortFor(int replicaIndex) => replicaIndex == 1 && FixedPort > 0 ? FixedPort : FreePort.Next();

    /// <summary>Runs when a replica first answers healthy; resources that learn something then (the dev broker's address) override it.</summary>
    internal virtual Task OnReplicaReadyAsync(ServiceReplica replica, CancellationToken cancellationToken) => Task.CompletedTask;

    private ServiceReplica Replica(int index)
    {
        lock (_lock)
        {
            return index >= 1 && index <= _replicas.Count
                ? _replicas[index - 1]
                : throw new AppHostException($"{Name} has no replica {index}; it runs {_replicas.Count}.");
        }
    }

    private List<ServiceReplica> ReplicaList()
    {
        lock (_lock)
        {
            return [.. _replicas];
        }
    }
}
