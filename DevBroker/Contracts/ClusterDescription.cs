namespace Signups.DevBroker.Contracts;

/// <summary>The dev broker as it is now: where to connect, its brokers and its topics.</summary>
/// <param name="BootstrapServers">The value for <c>ConnectionStrings:kafka</c>.</param>
/// <param name="LibrdkafkaVersion">The librdkafka whose mock cluster this is.</param>
/// <param name="Brokers">Brokers by id (1..N).</param>
/// <param name="Topics">Topics created through the dev broker.</param>
public sealed record ClusterDescription(
    string BootstrapServers,
    string LibrdkafkaVersion,
    IReadOnlyList<BrokerDescription> Brokers,
    IReadOnlyList<TopicDescription> Topics);
