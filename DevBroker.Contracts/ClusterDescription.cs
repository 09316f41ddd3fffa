namespace Signups.DevBroker.Contracts;

/// <summary>The dev broker as it is now: where to connect, its brokers and its topics.</summary>
/// <param name="BootstrapServers">The value for <c>ConnectionStrings:kafka</c>.</param>
/// <param name="LibrdkafkaVersion">The version of the librdkafka whose mock cluster this is, as the library itself reports it.</param>
/// <param name="LibrdkafkaPath">The file that library was loaded from.</param>
/// <param name="Brokers">Brokers by id (1..N).</param>
/// <param name="Topics">Topics created through the dev broker.</param>
public sealed record ClusterDescription(
    string BootstrapServers,
    string LibrdkafkaVersion,
    string LibrdkafkaPath,
    IReadOnlyList<BrokerDescription> Brokers,
    IReadOnlyList<TopicDescription> Topics);
