using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Signups.Hosting.Kafka;

/// <summary>
/// Consumer settings for librdkafka's mock cluster, given to every resource that references the dev broker (and only
/// there: a real Kafka gets Kafka's defaults). A resource that sets one of them itself keeps its own value.
/// </summary>
internal static class DevBrokerClientSettings
{
    /// <summary>
    /// The mock's group coordinator completes a rebalance only when the session timeout minus a second has passed, so
    /// Kafka's 45 s default would make every rebalance take most of a minute.
    /// </summary>
    public const int SessionTimeoutMs = 6000;

    /// <summary>Heartbeats well inside the short session.</summary>
    public const int HeartbeatIntervalMs = 1000;

    /// <summary>
    /// A fetch that finds no message is answered only after the whole <c>fetch.wait.max.ms</c> (librdkafka's 500 ms),
    /// even when a message arrives meanwhile — a real broker answers at once. That put 250 ms (p50) to 530 ms (p99)
    /// between publishing and processing at 1,000 signups/s; 10 ms costs the idle mock ~100 empty fetches a second.
    /// </summary>
    public const int FetchWaitMaxMs = 10;

    private const string Prefix = "Aspire__Confluent__Kafka__Consumer__Config__";

    public static void ApplyToReferencingResources(IDistributedApplicationBuilder builder, KafkaDevBrokerResource broker) =>
        builder.Eventing.Subscribe<BeforeStartEvent>((start, _) =>
        {
            foreach (var resource in start.Model.Resources.OfType<IResourceWithEnvironment>())
            {
                if (resource.Annotations.OfType<ResourceRelationshipAnnotation>().Any(r => r.Resource == broker && r.Type == "Reference"))
                {
                    resource.Annotations.Add(new EnvironmentCallbackAnnotation(context =>
                    {
                        context.EnvironmentVariables.TryAdd(Prefix + "SessionTimeoutMs", $"{SessionTimeoutMs}");
                        context.EnvironmentVariables.TryAdd(Prefix + "HeartbeatIntervalMs", $"{HeartbeatIntervalMs}");
                        context.EnvironmentVariables.TryAdd(Prefix + "FetchWaitMaxMs", $"{FetchWaitMaxMs}");
                    }));
                }
            }

            return Task.CompletedTask;
        });
}
