using Confluent.Kafka;
using Signups.IntegrationTests.Infrastructure;

namespace Signups.IntegrationTests.Kafka;

public sealed class DevBrokerGroupTests
{
    /// <summary>
    /// librdkafka's mock holds the first JoinGroup of an empty group for its initial rebalance delay (3 s unless set).
    /// A member with a session that short or shorter expired while it waited and never joined: a worker restarted
    /// after a SIGKILL (tests give workers 3 s sessions) stayed unhealthy. The dev broker sets the delay to 0.
    /// </summary>
    [Fact]
    public async Task AMemberWithATwoSecondSessionJoinsAnEmptyGroupAtOnce()
    {
        await using var graph = await TestGraph.StartAsync(options =>
        {
            options.Workers = [];
            options.Producer = false;
        });
        var partitions = 0;
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig
        {
            BootstrapServers = graph.BootstrapServers,
            GroupId = $"short-session-{Guid.NewGuid():N}",
            SessionTimeoutMs = 2000,
            HeartbeatIntervalMs = 500,
        }).SetPartitionsAssignedHandler((_, assigned) => partitions = assigned.Count).Build();
        consumer.Subscribe(graph.Options.Topic);

        // The handler runs inside Consume, on this thread. A deadline, not a wait: before the fix the JoinGroup was
        // never answered at all.
        var subscribed = System.Diagnostics.Stopwatch.StartNew();
        while (partitions == 0 && subscribed.Elapsed < TimeSpan.FromSeconds(10))
        {
            consumer.Consume(TimeSpan.FromMilliseconds(100));
        }

        consumer.Close();

        Assert.True(partitions > 0, $"No partitions of {graph.Options.Topic} assigned within 10 s of subscribing.");
    }
}
