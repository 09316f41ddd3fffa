namespace Signups.PipelinePage.Monitoring;

/// <summary>One consumer group at one instant: Kafka's committed offsets and the workers' own <c>/stats</c>.</summary>
/// <param name="Group">The consumer group.</param>
/// <param name="Resource">The resource whose replicas are its members.</param>
/// <param name="Consumed">Sum of the committed offsets (they trail the workers' stores by about a second).</param>
/// <param name="ConsumeRate">Messages per second committed, over the last few seconds.</param>
/// <param name="Lag">Messages published but not yet committed, over all partitions.</param>
/// <param name="PartitionLag">Lag per partition, indexed by partition number.</param>
/// <param name="Members">Replicas that answered <c>/stats</c> and have joined the group.</param>
/// <param name="Processed">Events persisted, summed over the replicas (each counts since it started).</param>
/// <param name="DeadLettered">Messages the replicas sent to the dead-letter topic since they started.</param>
/// <param name="BatchSize">Average events per batch written during the last interval; the previous value when none was written.</param>
/// <param name="LastBatchSize">The largest of the replicas' most recent batch sizes.</param>
internal sealed record ConsumerGroupSample(
    string Group,
    string Resource,
    long? Consumed,
    double? ConsumeRate,
    long? Lag,
    IReadOnlyList<long> PartitionLag,
    int Members,
    long Processed,
    long DeadLettered,
    double? BatchSize,
    int LastBatchSize);
