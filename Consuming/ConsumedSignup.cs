using Confluent.Kafka;

namespace Signups.Consuming;

/// <summary>A valid signup event and the message it came in.</summary>
/// <param name="Event">The event.</param>
/// <param name="Message">Where it came from (partition, offset, headers).</param>
public readonly record struct ConsumedSignup(UserSignedUp Event, ConsumeResult<byte[], byte[]> Message);
