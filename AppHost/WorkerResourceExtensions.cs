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
            .WithRuntimeSettings(WorkerRuntimeSettings.Worker);

    /// <summary>Runtime settings read from the environment only (<see cref="WorkerRuntimeSettings"/>), on every replica.</summary>
    public static IResourceBuilder<ProjectResource> WithRuntimeSettings(this IResourceBuilder<ProjectResource> worker, IReadOnlyDictionary<string, string> settings)
    {
        foreach (var (name, value) in settings)
        {
            worker.WithEnvironment(name, value);
        }

        return worker;
    }
}
