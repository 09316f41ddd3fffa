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
        var assigned = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig
        {
            BootstrapServers = graph.BootstrapServers,
            GroupId = $"short-session-{Guid.NewGuid():N}",
            SessionTimeoutMs = 2000,
            HeartbeatIntervalMs = 500,
        }).SetPartitionsAssignedHandler((_, partitions) => assigned.TrySetResult(partitions.Count)).Build();
        consumer.Subscribe(graph.Options.Topic);
        var started = DateTimeOffset.UtcNow;

        var partitions = await Task.Run(() =>
        {
            // A deadline, not a wait: before the fix the JoinGroup was never answered at all.
            while (!assigned.Task.IsCompleted && DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(10))
            {
                consumer.Consume(TimeSpan.FromMilliseconds(100));
            }

            return assigned.Task.IsCompleted ? assigned.Task.Result : 0;
        }, TestContext.Current.CancellationToken);
        consumer.Close();

        Assert.True(partitions > 0, $"No partitions of {graph.Options.Topic} assigned within 10 s of subscribing.");
    }
}
