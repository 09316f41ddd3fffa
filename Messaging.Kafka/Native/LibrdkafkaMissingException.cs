namespace Signups.Messaging.Kafka.Native;

/// <summary>The native librdkafka library is not installed; the message says how to install it.</summary>
public sealed class LibrdkafkaMissingException(string message) : Exception(message);
