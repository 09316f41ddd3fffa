using Signups.AppHost;
using Signups.AppHost.Dashboard;
using Signups.AppHost.Dashboard.Metrics;
using Signups.AppHost.Hosting;
using Signups.AppHost.Pipeline;

namespace Signups.UnitTests.Dashboard;

public sealed class StatusLineTests
{
    private static readonly PipelineShape Shape = SignupsAppHost.Pipeline(new AppHostOptions());

    [Fact]
    public void NamesEachServiceWithItsStateAndEachWorkerWithReplicasHealthAndLag()
    {
        ResourceView[] resources =
        [
            View("kafka", "kafka", ResourceState.Running, HealthState.Healthy, Replica("kafka", ResourceState.Running)),
            View("users-db", "database", ResourceState.Running, null),
            View("stream-worker", "service", ResourceState.Running, HealthState.Healthy, Replica("stream-worker", ResourceState.Running)),
            View("batch-worker", "service", ResourceState.Restarting, HealthState.Unknown,
                Replica("batch-worker", ResourceState.Restarting), Replica("batch-worker-2", ResourceState.Running)),
            View("producer", "service", ResourceState.Running, HealthState.Healthy, Replica("producer", ResourceState.Running)),
        ];
        var sample = new PipelineSample(DateTimeOffset.UtcNow, true, 1000, 812.4, 0,
        [
            new ConsumerGroupSample("stream-worker", "stream-worker", 988, 800, 12, [12], 1, 988, 0, 1, 1),
            new ConsumerGroupSample("batch-worker", "batch-worker", 660, 500, 340, [340], 1, 660, 0, 500, 500),
        ]);

        var line = StatusLine.Format(resources, Shape, sample);

        Assert.Equal("status | kafka running | stream-worker 1/1 healthy, lag 12 | batch-worker 1/2 restarting, lag 340 | producer running | 812 msg/s", line);
    }

    [Fact]
    public void BeforeTheFirstSampleFiguresAreQuestionMarks()
    {
        var line = StatusLine.Format([View("stream-worker", "service", ResourceState.Starting, HealthState.Unknown, Replica("stream-worker", ResourceState.Starting))], Shape, null);

        Assert.Equal("status | stream-worker 0/1 starting, lag ? | ? msg/s", line);
    }

    private static ResourceView View(string name, string kind, ResourceState state, HealthState? health, params ReplicaSnapshot[] replicas) =>
        new(name, kind, state, health, null, replicas, [], []);

    private static ReplicaSnapshot Replica(string name, ResourceState state) => new(name, state, HealthState.Unknown, 1, null, 0, null);
}
