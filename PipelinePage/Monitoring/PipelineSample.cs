namespace Signups.PipelinePage.Monitoring;

/// <summary>The pipeline at one instant. Figures Kafka gives are null while it does not answer.</summary>
/// <param name="Time">When the sample was taken.</param>
/// <param name="KafkaAnswered">Whether Kafka answered the offset queries.</param>
/// <param name="Produced">Messages in the topic: the sum of its partitions' high watermarks.</param>
/// <param name="ProduceRate">Messages per second published, over the last few seconds.</param>
/// <param name="DeadLetters">Messages in the dead-letter topic.</param>
/// <param name="Groups">One entry per consumer group.</param>
internal sealed record PipelineSample(
    DateTimeOffset Time,
    bool KafkaAnswered,
    long? Produced,
    double? ProduceRate,
    long? DeadLetters,
    IReadOnlyList<ConsumerGroupSample> Groups);
