namespace Signups.PipelinePage.Monitoring;

/// <summary>What Kafka said at one instant: where each partition ends, and where each group has committed.</summary>
/// <param name="TopicEnds">High watermark per partition of the pipeline's topic.</param>
/// <param name="DeadLetters">Messages in the dead-letter topic (sum of its high watermarks).</param>
/// <param name="Committed">Per group, the committed offset per partition; partitions without a commit are absent.</param>
internal sealed record KafkaOffsets(
    IReadOnlyDictionary<int, long> TopicEnds,
    long DeadLetters,
    IReadOnlyDictionary<string, IReadOnlyDictionary<int, long>> Committed);
