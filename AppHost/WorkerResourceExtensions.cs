using Signups.AppHost.Lifecycle;
using Signups.Messaging;

namespace Signups.AppHost;

/// <summary>What both Kafka workers get from the AppHost.</summary>
internal static class WorkerResourceExtensions
{
    /// <summary>
    /// A worker reading the signup topic as <paramref name="group"/>: its replicas, its <c>/health</c> (and <c>/stats</c>)
    /// on an http endpoint, started again when it crashes, a kill command, and caught up before its ordered stop.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AsSignupWorker(
        this IResourceBuilder<ProjectResource> worker, IResourceBuilder<IResourceWithConnectionString> kafka, string group, int replicas, TimeSpan restartDelay) =>
        worker
            .WithReference(kafka)
            .WaitFor(kafka)
            .WithHttpEndpoint(name: "http")
            .WithServiceHealthCheck()
            .WithReplicas(replicas)
            .WithRestartOnCrash(restartDelay)
            .WithKillReplicaCommand()
            .WithCatchUpBeforeStop(kafka, SignupTopics.UserSignups, group)
            .WithWorkerGarbageCollection();

    /// <summary>
    /// Caps the GC's young generation at 4 MB. By default its budget follows the L3 cache (about 25 MB with the 32 MB L3
    /// of this machine), and a worker under load fills it with messages that die young. Measured with the BatchWorker at
    /// full speed: peak RSS 195–212 MB by default, 181–191 MB capped, the same throughput. The runtime reads this setting
    /// from the environment only, so the AppHost sets it.
    /// </summary>
    private static IResourceBuilder<ProjectResource> WithWorkerGarbageCollection(this IResourceBuilder<ProjectResource> worker) =>
        worker.WithEnvironment("DOTNET_GCgen0size", "0x400000");
}
