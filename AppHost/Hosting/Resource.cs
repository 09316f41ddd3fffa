namespace Signups.AppHost.Hosting;

/// <summary>Something the AppHost starts, watches and stops: a broker, a store, a service.</summary>
public abstract class Resource
{
    private readonly List<Resource> _waitsFor = [];

    protected Resource(string name, AppHostConsole console)
    {
        Name = name;
        Console = console;
    }

    /// <summary>The resource name, as Aspire would show it (<c>kafka</c>, <c>stream-worker</c>).</summary>
    public string Name { get; }

    /// <summary>Resources that must be ready before this one starts, and that stop only after it has stopped.</summary>
    public IReadOnlyList<Resource> WaitsFor => _waitsFor;

    /// <summary>What its processes wrote.</summary>
    public ResourceLog Log { get; } = new();

    /// <summary>The resource's state, summed over its replicas.</summary>
    public abstract ResourceState State { get; }

    /// <summary>Its processes; empty for resources without one.</summary>
    public virtual IReadOnlyList<ReplicaSnapshot> Replicas => [];

    protected AppHostConsole Console { get; }

    /// <summary>What the app's ordered stop does just before it stops this resource (not a stop asked for one resource).</summary>
    internal Func<DistributedApplication, Task>? BeforeOrderedStop { get; set; }

    internal void AddWaitFor(Resource resource)
    {
        if (!_waitsFor.Contains(resource))
        {
            _waitsFor.Add(resource);
        }
    }

    /// <summary>Starts the resource; completes when it is ready for its dependents.</summary>
    internal abstract Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Stops the resource, giving each process <paramref name="grace"/> to exit before SIGKILL.</summary>
    internal abstract Task<IReadOnlyList<StopOutcome>> StopAsync(TimeSpan grace);
}
