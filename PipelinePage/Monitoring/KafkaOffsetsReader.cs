using Confluent.Kafka;

namespace Signups.PipelinePage.Monitoring;

/// <summary>
/// Reads the pipeline's offsets from Kafka: the topics' high watermarks, and the offsets each consumer group
/// committed. It holds one consumer per group with that <c>group.id</c> that never subscribes, so it reads
/// the group's commits (OffsetFetch) without joining the group or committing anything. Calls block.
/// </summary>
internal sealed class KafkaOffsetsReader : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MetadataAge = TimeSpan.FromSeconds(30);
    private const string OwnGroup = "signups-pipeline-page";

    private readonly PipelineShape _shape;
    private readonly Dictionary<string, IConsumer<Ignore, Ignore>> _groups;
    private readonly IConsumer<Ignore, Ignore> _watermarks;
    private readonly IAdminClient _admin;
    private readonly Dictionary<string, int[]> _partitions = new(StringComparer.Ordinal);
    private DateTimeOffset _partitionsReadAt = DateTimeOffset.MinValue;

    public KafkaOffsetsReader(string bootstrapServers, PipelineShape shape)
    {
        BootstrapServers = bootstrapServers;
        _shape = shape;
        _groups = shape.Consumers.Select(c => c.Group).Distinct(StringComparer.Ordinal)
            .ToDictionary(group => group, group => Consumer(bootstrapServers, group), StringComparer.Ordinal);
        _watermarks = _groups.Values.FirstOrDefault() ?? Consumer(bootstrapServers, OwnGroup);
        _admin = new DependentAdminClientBuilder(_watermarks.Handle).Build();
    }

    /// <summary>The Kafka this reader asks.</summary>
    public string BootstrapServers { get; }

    /// <summary>Asks Kafka; throws <see cref="KafkaException"/> when it does not answer in time.</summary>
    public KafkaOffsets Read()
    {
        var topic = Partitions(_shape.Topic).Select(p => new TopicPartition(_shape.Topic, p)).ToList();
        var ends = topic.ToDictionary(tp => tp.Partition.Value, End);
        var deadLetters = Partitions(_shape.DeadLetterTopic).Sum(p => End(new TopicPartition(_shape.DeadLetterTopic, p)));
        var committed = _groups.ToDictionary(
            group => group.Key,
            group => (IReadOnlyDictionary<int, long>)group.Value.Committed(topic, RequestTimeout)
                .Where(o => o.Offset.Value >= 0)
                .ToDictionary(o => o.Partition.Value, o => o.Offset.Value),
            StringComparer.Ordinal);
        return new KafkaOffsets(ends, deadLetters, committed);
    }

    public void Dispose()
    {
        _admin.Dispose();
        foreach (var consumer in _groups.Values.Append(_watermarks).Distinct())
        {
            consumer.Dispose();
        }
    }

    private long End(TopicPartition partition) => _watermarks.QueryWatermarkOffsets(partition, RequestTimeout).High.Value;

    // Partitions rarely change; ask again now and then (a real Kafka may add some).
    private int[] Partitions(string topic)
    {
        if (DateTimeOffset.UtcNow - _partitionsReadAt > MetadataAge)
        {
            _partitions.Clear();
            _partitionsReadAt = DateTimeOffset.UtcNow;
        }

        if (!_partitions.TryGetValue(topic, out var partitions))
        {
            var metadata = _admin.GetMetadata(topic, RequestTimeout).Topics.FirstOrDefault(t => t.Topic == topic);
            partitions = metadata is null || metadata.Error.IsError ? [] : [.. metadata.Partitions.Select(p => p.PartitionId).Order()];
            _partitions[topic] = partitions;
        }

        return partitions;
    }

    private static IConsumer<Ignore, Ignore> Consumer(string bootstrapServers, string group) =>
        new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = group,
            ClientId = OwnGroup,
            EnableAutoCommit = false,
            AllowAutoCreateTopics = false,
        })
        // librdkafka would write its connection errors to stderr; the monitor reports Kafka's absence itself.
        .SetLogHandler((_, _) => { })
        .SetErrorHandler((_, _) => { })
        .Build();
}
