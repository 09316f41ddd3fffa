using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Signups.AppHost.Lifecycle;

/// <summary>Attaches the graph's lifecycle parts to the model.</summary>
internal static class LifecycleExtensions
{
    /// <summary>
    /// The ordered stop, restarts of crashed replicas and the entry-point lines. Call after every resource is added:
    /// the ordered stop must be the last hosted service so that it is the first one stopped.
    /// </summary>
    public static IDistributedApplicationBuilder AddGraphLifecycle(this IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            return builder;
        }

        builder.Services.AddSingleton<ReplicaTracker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReplicaTracker>());
        builder.Services.AddHostedService<CrashRestarter>();
        builder.Services.AddHostedService<EntryPointLog>();
        builder.Services.AddSingleton<OrderedStop>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OrderedStop>());
        // Catch-up and drains within it; a second Ctrl+C cuts it short.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromMinutes(3));
        return builder;
    }

    /// <summary>A replica that exits with a code other than 0 is started again after <paramref name="firstDelay"/>, doubling up to 30 s.</summary>
    public static IResourceBuilder<T> WithRestartOnCrash<T>(this IResourceBuilder<T> builder, TimeSpan firstDelay)
        where T : IResource =>
        builder.WithAnnotation(new CrashRestartAnnotation(firstDelay, TimeSpan.FromSeconds(30)));

    /// <summary>On the ordered stop, this worker is signalled only when <paramref name="group"/> has caught up with <paramref name="topic"/> (at most 10 s).</summary>
    public static IResourceBuilder<T> WithCatchUpBeforeStop<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithConnectionString> kafka, string topic, string group)
        where T : IResource =>
        builder.WithAnnotation(new CatchUpBeforeStopAnnotation(kafka.Resource, topic, group, TimeSpan.FromSeconds(10)));
}
