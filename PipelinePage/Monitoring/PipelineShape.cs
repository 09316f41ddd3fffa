namespace Signups.PipelinePage.Monitoring;

/// <summary>What the dashboard draws and measures: a producer publishing to a topic that consumer groups read, with a dead-letter topic.</summary>
/// <param name="Kafka">The Kafka resource the topics live on.</param>
/// <param name="Producer">The resource that publishes to <paramref name="Topic"/>.</param>
/// <param name="Topic">The topic the pipeline runs on.</param>
/// <param name="DeadLetterTopic">Where consumers put messages they cannot process.</param>
/// <param name="Consumers">The resources that read the topic, each in its own consumer group.</param>
internal sealed record PipelineShape(string Kafka, string Producer, string Topic, string DeadLetterTopic, IReadOnlyList<PipelineConsumer> Consumers);
