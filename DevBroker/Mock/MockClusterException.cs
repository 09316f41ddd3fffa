namespace Signups.DevBroker.Mock;

/// <summary>The mock cluster refused an operation; the message is librdkafka's reason.</summary>
internal sealed class MockClusterException(string message) : Exception(message);
