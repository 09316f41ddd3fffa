using Confluent.Kafka;

namespace Signups.IntegrationTests.Infrastructure;

/// <summary>Looks at a topic from outside, as any Kafka client would: how many messages it holds, and what they are.</summary>
internal sealed class TopicProbe(string bootstrapServers, string topic) : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    private readonly IConsumer<byte[], byte[]> _consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
    {
        BootstrapServers = bootstrapServers,
        GroupId = $"probe-{Guid.NewGuid():N}",
        EnableAutoCommit = false,
        AutoOffsetReset = AutoOffsetReset.Earliest,
    }).Build();

    /// <summary>The topic's partitions.</summary>
    public IReadOnlyList<TopicPartition> Partitions()
    {
        using var admin = new DependentAdminClientBuilder(_consumer.Handle).Build();
        var metadata = admin.GetMetadata(topic, RequestTimeout).Topics.Single();
        return [.. metadata.Partitions.Select(p => new TopicPartition(topic, p.PartitionId)).OrderBy(p => p.Partition.Value)];
    }

    /// <summary>Messages ever written to the topic: the sum of its partitions' high watermarks.</summary>
    public long Count() => Partitions().Sum(p => _consumer.QueryWatermarkOffsets(p, RequestTimeout).High.Value);

    /// <summary>Every message in the topic, read from the beginning up to the watermarks seen now.</summary>
    public IReadOnlyList<ConsumeResult<byte[], byte[]>> ReadAll()
    {
        var ends = Partitions().ToDictionary(p => p.Partition.Value, p => _consumer.QueryWatermarkOffsets(p, RequestTimeout).High.Value);
        var wanted = ends.Values.Sum();
        var messages = new List<ConsumeResult<byte[], byte[]>>();
        _consumer.Assign(ends.Keys.Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (messages.Count < wanted && DateTime.UtcNow < deadline)
        {
            if (_consumer.Consume(TimeSpan.FromMilliseconds(500)) is { IsPartitionEOF: false } result)
            {
                messages.Add(result);
            }
        }

        _consumer.Unassign();
        return messages.Count == wanted
            ? messages
            : throw new TimeoutException($"Read {messages.Count} of the {wanted} messages of {topic} within 30 s.");
    }

    public void Dispose()
    {
        _consumer.Close();
        _consumer.Dispose();
    }
}
