using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Signups.DevBroker.Contracts;

namespace Signups.Hosting.Kafka;

/// <summary>
/// Dashboard commands on the dev broker, through its fault API: take a broker down, bring every broker back up, make
/// the next requests fail with retriable errors. A real Kafka or the container has none of them.
/// </summary>
internal static class DevBrokerCommands
{
    /// <summary>The command that takes the last broker still up down.</summary>
    public const string BrokerDown = "broker-down";

    /// <summary>The command that brings every broker back up.</summary>
    public const string BrokersUp = "brokers-up";

    /// <summary>The command that makes the next Produce, Fetch and OffsetCommit requests fail.</summary>
    public const string RequestErrors = "inject-request-errors";

    // Retriable errors the clients must ride out, per request type, in the order they are answered.
    private static readonly (KafkaApiKey Request, string[] Errors)[] InjectedErrors =
    [
        (KafkaApiKey.Produce, ["NotLeaderForPartition", "RequestTimedOut", "NotEnoughReplicas"]),
        (KafkaApiKey.Fetch, ["NotLeaderForPartition", "UnknownTopicOrPart", "Local_Transport"]),
        (KafkaApiKey.OffsetCommit, ["RequestTimedOut", "GroupCoordinatorNotAvailable"]),
    ];

    public static IResourceBuilder<KafkaDevBrokerResource> WithDevBrokerCommands(this IResourceBuilder<KafkaDevBrokerResource> builder)
    {
        var resource = builder.Resource;
        builder.WithCommand(BrokerDown, "Take a broker down", async context =>
        {
            var broker = Client(resource);
            var cluster = await broker.DescribeAsync(context.CancellationToken);
            if (cluster.Brokers.LastOrDefault(b => b.Up) is not { } victim)
            {
                return CommandResults.Failure("Every broker is down already; 'Bring brokers up' ends it.");
            }

            await broker.SetBrokerDownAsync(victim.Id, context.CancellationToken);
            return CommandResults.Success(
                $"Broker {victim.Id} of {cluster.Brokers.Count} is down: its connections were dropped and it refuses new ones, "
                + "so the partitions it leads wait (producers retry, workers pause). 'Bring brokers up' ends it.");
        }, Options("Disconnects the last broker still up and refuses its connections, as a broker crash would.", "PlugDisconnected"));

        builder.WithCommand(BrokersUp, "Bring brokers up", async context =>
        {
            var broker = Client(resource);
            var down = (await broker.DescribeAsync(context.CancellationToken)).Brokers.Where(b => !b.Up).Select(b => b.Id).ToList();
            await broker.SetBrokerUpAsync(-1, context.CancellationToken);
            return CommandResults.Success(down.Count == 0
                ? "Every broker was up already."
                : $"Broker {string.Join(", ", down)} accepts connections again.");
        }, Options("Lets every broker that was taken down accept connections again.", "PlugConnected"));

        builder.WithCommand(RequestErrors, "Inject request errors", async context =>
        {
            var broker = Client(resource);
            foreach (var (request, errors) in InjectedErrors)
            {
                await broker.PushRequestErrorsAsync(request, errors, context.CancellationToken);
            }

            return CommandResults.Success("The next requests fail, one error each, and the clients retry them: "
                + string.Join("; ", InjectedErrors.Select(e => $"{e.Request}: {string.Join(", ", e.Errors)}")) + ".");
        }, Options("Makes the next Produce, Fetch and OffsetCommit requests fail with retriable errors.", "ErrorCircle"));
        return builder;
    }

    private static DevBrokerClient Client(KafkaDevBrokerResource resource) => new(new Uri(resource.ControlEndpoint.Url));

    private static CommandOptions Options(string description, string icon) => new()
    {
        Description = description,
        IconName = icon,
        UpdateState = context => context.ResourceSnapshot.State?.Text == KnownResourceStates.Running
            ? ResourceCommandState.Enabled
            : ResourceCommandState.Disabled,
    };
}
