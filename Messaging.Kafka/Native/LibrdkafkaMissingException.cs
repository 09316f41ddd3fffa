namespace Signups.Messaging.Kafka.Native;

/// <summary>The bundled librdkafka is missing or cannot be loaded; the message says what is wrong, in one sentence.</summary>
public sealed class LibrdkafkaMissingException(string message) : Exception(message);
