namespace Signups.AppHost.Hosting;

/// <summary>The <c>With*</c> and <c>WaitFor</c> calls of the app model, named as in Aspire.</summary>
public static class ResourceBuilderExtensions
{
    /// <summary>Starts this resource only when <paramref name="dependency"/> is ready, and stops it before the dependency.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<object> dependency)
        where T : Resource
    {
        builder.Resource.AddWaitFor(dependency.Resource as Resource
            ?? throw new ArgumentException($"{dependency.Resource} is not a resource.", nameof(dependency)));
        return builder;
    }

    /// <summary>Gives the service <c>ConnectionStrings__{name}</c> of <paramref name="source"/>, read when each replica starts.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithConnectionString> source)
        where T : ProjectResource
    {
        var target = source.Resource;
        builder.Resource.AddEnvironment((_, environment) =>
            environment[$"ConnectionStrings__{target.Name}"] = target.ConnectionString
                ?? throw new AppHostException($"{target.Name} has no connection string yet; WaitFor it."));
        return builder;
    }

    /// <summary>Sets an environment variable of the service.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : ProjectResource
    {
        builder.Resource.AddEnvironment((_, environment) => environment[name] = value);
        return builder;
    }

    /// <summary>Sets every variable of <paramref name="variables"/> on the service.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, IEnumerable<KeyValuePair<string, string>> variables)
        where T : ProjectResource
    {
        foreach (var (name, value) in variables)
        {
            builder.WithEnvironment(name, value);
        }

        return builder;
    }

    /// <summary>Command-line arguments of the service.</summary>
    public static IResourceBuilder<T> WithArgs<T>(this IResourceBuilder<T> builder, params string[] arguments)
        where T : ProjectResource
    {
        builder.Resource.Arguments.AddRange(arguments);
        return builder;
    }

    /// <summary>Runs <paramref name="replicas"/> processes of the service.</summary>
    public static IResourceBuilder<T> WithReplicas<T>(this IResourceBuilder<T> builder, int replicas)
        where T : ProjectResource
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        builder.Resource.ReplicaCount = replicas;
        return builder;
    }

    /// <summary>Serves HTTP on <paramref name="port"/> (replica 1; others and port 0 get a free port).</summary>
    public static IResourceBuilder<T> WithHttpEndpoint<T>(this IResourceBuilder<T> builder, int port)
        where T : ProjectResource
    {
        builder.Resource.FixedPort = port;
        return builder;
    }

    /// <summary>A process without HTTP endpoint: ready as soon as it runs.</summary>
    public static IResourceBuilder<T> WithoutHttpEndpoint<T>(this IResourceBuilder<T> builder)
        where T : ProjectResource
    {
        builder.Resource.HasHttpEndpoint = false;
        return builder;
    }

    /// <summary>A process that may finish: exit code 0 ends it without a restart.</summary>
    public static IResourceBuilder<T> AsJob<T>(this IResourceBuilder<T> builder)
        where T : ProjectResource
    {
        builder.Resource.IsJob = true;
        return builder;
    }

    /// <summary>Runs <paramref name="prepare"/> on the app's ordered stop, just before this resource is stopped.</summary>
    public static IResourceBuilder<T> WithBeforeOrderedStop<T>(this IResourceBuilder<T> builder, Func<DistributedApplication, Task> prepare)
        where T : Resource
    {
        builder.Resource.BeforeOrderedStop = prepare;
        return builder;
    }

    /// <summary>Restart policy: restart with backoff from <paramref name="baseDelay"/> when the process dies, or never.</summary>
    public static IResourceBuilder<T> WithRestart<T>(this IResourceBuilder<T> builder, bool restart, TimeSpan baseDelay)
        where T : ProjectResource
    {
        builder.Resource.RestartOnExit = restart && builder.Resource is not DevBrokerResource;
        builder.Resource.RestartBaseDelay = baseDelay;
        return builder;
    }
}
