using System.Diagnostics;
using Confluent.Kafka;
using Signups.Consuming;
using Signups.Messaging.Kafka.Native;

namespace Signups.UnitTests.Consuming;

/// <summary>The consume loop's backpressure against librdkafka's mock cluster, in process.</summary>
public sealed class BackpressureTests : IDisposable
{
    private const string Topic = "backpressure";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly TopicPartition _partition = new(Topic, 0);
    private readonly IProducer<byte[], byte[]> _cluster;
    private readonly IConsumer<byte[], byte[]> _consumer;

    public BackpressureTests()
    {
        Librdkafka.EnsureAvailable();
        var host = new ProducerConfig { BootstrapServers = "mock:0" };
        host.Set("test.mock.num.brokers", "1");
        _cluster = new ProducerBuilder<byte[], byte[]>(host).Build();
        using var admin = new DependentAdminClientBuilder(_cluster.Handle).Build();
        var bootstrap = string.Join(",", admin.GetMetadata(Deadline).Brokers.Select(b => $"{b.Host}:{b.Port}"));
        using (var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = bootstrap }).Build())
        {
            for (var i = 0; i < 20; i++)
            {
                producer.Produce(_partition, new Message<byte[], byte[]> { Value = [(byte)i] });
            }

            Assert.Equal(0, producer.Flush(Deadline));
        }

        _consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = bootstrap, GroupId = $"backpressure-{Guid.NewGuid():N}" }).Build();
    }

    [Fact]
    public void APartitionPausedDuringAStallIsFetchedAgainWhenItIsAssignedAgainAfterItsRevocation()
    {
        var backpressure = new Backpressure();
        var full = new FullProcessor();
        _consumer.IncrementalAssign([new TopicPartitionOffset(_partition, 0)]);
        backpressure.Offer(full, NextMessage() ?? throw new InvalidOperationException("the mock cluster delivered nothing"));

        // The processor takes nothing: after a second of that the assignment is paused in Kafka.
        var stall = Stopwatch.StartNew();
        while (!backpressure.PausedInKafka && stall.Elapsed < Deadline)
        {
            backpressure.Relieve(_consumer, full);
        }

        Assert.True(backpressure.PausedInKafka);

        // Revoked during the stall (as the loop's revoke handler does), then assigned to this consumer again.
        backpressure.Forget(_consumer, [_partition]);
        _consumer.IncrementalUnassign([_partition]);
        _consumer.IncrementalAssign([new TopicPartitionOffset(_partition, 0)]);

        Assert.NotNull(NextMessage());
    }

    public void Dispose()
    {
        _consumer.Dispose();
        _cluster.Dispose();
    }

    private ConsumeResult<byte[], byte[]>? NextMessage()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Deadline)
        {
            if (_consumer.Consume(TimeSpan.FromMilliseconds(100)) is { Message: not null } result)
            {
                return result;
            }
        }

        return null;
    }

    // A processor whose store is stuck: it takes nothing.
    private sealed class FullProcessor : IPartitionProcessor
    {
        public int Pending => 0;

        public bool CanResume(TopicPartition partition) => false;

        public IReadOnlyList<TopicPartitionOffset> OnAssigned(string topic, IReadOnlyList<TopicPartition> partitions) => [];

        public IReadOnlyList<TopicPartitionOffset> OnRevoked(IReadOnlyList<TopicPartition> partitions) => [];

        public void OnLost(IReadOnlyList<TopicPartition> partitions)
        {
        }

        public bool TryTake(ConsumeResult<byte[], byte[]> message) => false;

        // Progress never comes.
        public void WaitForProgress(TimeSpan timeout)
        {
            using var never = new ManualResetEventSlim();
            never.Wait(timeout);
        }

        public void OnTick()
        {
        }

        public DrainResult Drain(CancellationToken cancellationToken) => new([], 0, 0, true);
    }
}
