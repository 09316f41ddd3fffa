namespace Signups.DevBroker.Contracts;

/// <summary>
/// The body of <c>POST /errors</c>: the next requests of type <paramref name="ApiKey"/>, one per entry,
/// fail with the given errors (Confluent.Kafka <c>ErrorCode</c> names such as <c>NotLeaderForPartition</c>,
/// <c>RequestTimedOut</c>, or <c>Local_Transport</c> to drop the connection).
/// </summary>
/// <param name="ApiKey">The request type.</param>
/// <param name="Errors">Errors, in order.</param>
public sealed record RequestErrorsRequest(KafkaApiKey ApiKey, IReadOnlyList<string> Errors);
