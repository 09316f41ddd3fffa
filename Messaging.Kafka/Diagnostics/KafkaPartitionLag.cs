namespace Signups.Messaging.Kafka.Diagnostics;

/// <summary>How many messages a consumer is behind on one partition.</summary>
internal sealed record KafkaPartitionLag(string Topic, int Partition, long Lag);
