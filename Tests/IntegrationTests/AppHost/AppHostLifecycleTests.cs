using Microsoft.Extensions.DependencyInjection;
using Signups.AppHost.Lifecycle;
using Signups.IntegrationTests.Infrastructure;

namespace Signups.IntegrationTests.AppHost;

public sealed class AppHostLifecycleTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task EveryResourceBecomesHealthyWithItsHealthCheckShown()
    {
        await using var graph = await TestGraph.StartAsync(options => options.PipelinePage = true);
        var ct = TestContext.Current.CancellationToken;

        foreach (var name in new[] { "kafka", "producer", "stream-worker", "batch-worker", "pipeline", "users-db", "analytics-db", "idempotency-db" })
        {
            var healthy = await graph.App.ResourceNotifications.WaitForResourceHealthyAsync(name, ct).WaitAsync(Timeout, ct);
            Assert.Equal(KnownResourceStates.Running, healthy.Snapshot.State?.Text);
        }

        var kafka = await graph.App.ResourceNotifications.WaitForResourceHealthyAsync("kafka", ct);
        var check = Assert.Single(kafka.Snapshot.HealthReports, r => r.Name == "kafka_check");
        Assert.Contains("topics user_signups, user_signups.dlq", check.Description, StringComparison.Ordinal);
        using var http = new HttpClient();
        foreach (var service in new[] { "producer", "stream-worker", "batch-worker", "pipeline" })
        {
            using var health = await http.GetAsync(new Uri(graph.EndpointOf(service), "/health"), ct);
            Assert.True(health.IsSuccessStatusCode, $"{service} /health answered {(int)health.StatusCode}: {await health.Content.ReadAsStringAsync(ct)}");
        }
    }

    [Fact]
    public async Task TheServicesGetTheirConnectionStringsFromTheModel()
    {
        await using var graph = await TestGraph.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal($"Data Source={graph.Stores.UsersDb}", await graph.App.GetConnectionStringAsync("users-db", ct));
        Assert.Equal($"Data Source={graph.Stores.AnalyticsDb}", await graph.App.GetConnectionStringAsync("analytics-db", ct));
        Assert.StartsWith("localhost:", graph.BootstrapServers, StringComparison.Ordinal);
        var cluster = await graph.DevBroker.DescribeAsync(ct);
        Assert.Contains(cluster.Topics, t => t is { Name: "user_signups", Partitions: 12 });
    }

    [Fact]
    public async Task StopTerminatesTheProducerBeforeSignallingAnyWorkerAndTheBrokerLast()
    {
        var graph = await TestGraph.StartAsync();
        using (var client = new SignupsClient(graph.Producer))
        {
            Assert.NotEmpty(await client.SignUpManyAsync(20));
        }

        var outcomes = await graph.StopAsync();
        await graph.DisposeAsync();

        var producer = Assert.Single(outcomes, o => o.Resource == "producer");
        var workers = outcomes.Where(o => o.Resource.EndsWith("-worker", StringComparison.Ordinal)).ToList();
        var kafka = Assert.Single(outcomes, o => o.Resource == "kafka");
        Assert.Equal(2, workers.Count);
        Assert.All(workers, worker => Assert.True(worker.SignalledAt >= producer.ExitedAt,
            $"{worker.Replica} was signalled at {worker.SignalledAt:O}, before the producer exited at {producer.ExitedAt:O}"));
        Assert.All(workers, worker => Assert.True(kafka.SignalledAt >= worker.ExitedAt, $"kafka was stopped before {worker.Replica} had drained"));
        Assert.All(outcomes, o => Assert.True(o.IsClean, o.ToString()));
        // Nothing needed DCP's kill after SIGTERM: every drain took well under its window.
        Assert.All(outcomes, o => Assert.True(o.ExitedAt - o.SignalledAt < TimeSpan.FromSeconds(5), o.ToString()));
    }

    [Fact]
    public async Task AKilledWorkerIsStartedAgainAsANewHealthyProcess()
    {
        await using var graph = await TestGraph.StartAsync();
        var worker = graph.StreamWorker;
        var killed = worker.Kill();

        var replica = await Eventually.WaitAsync("the stream-worker runs again as a new healthy process",
            _ => Task.FromResult(worker.Replicas[0]),
            r => r.Restarts == 1 && r.IsHealthy && r.ProcessId is { } pid && pid != killed,
            Timeout);

        Assert.NotEqual(0, replica.LastExitCode);
        Assert.Contains(graph.LogOf("CrashRestarter").Split(Environment.NewLine), line => line.Contains("starting it again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheOrderedStopIsTheFirstHostedServiceStopped()
    {
        await using var graph = await TestGraph.StartProducerOnlyAsync();

        var hosted = graph.App.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().ToList();
        Assert.IsType<OrderedStop>(hosted[^1]);
    }
}
