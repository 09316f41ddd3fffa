using Signups.AppHost.Hosting;
using Signups.IntegrationTests.Infrastructure;

namespace Signups.IntegrationTests.AppHost;

public sealed class AppHostLifecycleTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task EveryResourceBecomesHealthy()
    {
        await using var graph = await TestGraph.StartAsync();

        Assert.All(graph.App.Resources, resource => Assert.Equal(ResourceState.Running, resource.State));
        var services = graph.App.Resources.OfType<ProjectResource>().SelectMany(p => p.Replicas).ToList();
        Assert.Equal(["batch-worker", "kafka", "producer", "stream-worker"], services.Select(r => r.Name).Order());
        using var http = new HttpClient();
        foreach (var replica in services)
        {
            using var health = await http.GetAsync(new Uri(replica.Endpoint!, "/health"), TestContext.Current.CancellationToken);
            Assert.True(health.IsSuccessStatusCode, $"{replica.Name} /health answered {(int)health.StatusCode}: {await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        }
    }

    [Fact]
    public async Task StopTerminatesTheProducerBeforeSignallingAnyWorker()
    {
        var graph = await TestGraph.StartAsync();
        using (var client = new SignupsClient(graph.Producer))
        {
            Assert.NotEmpty(await client.SignUpManyAsync(20));
        }

        var report = await graph.App.StopAsync();
        await graph.DisposeAsync();

        var producer = Assert.Single(report.Outcomes, o => o.Name == "producer");
        var workers = report.Outcomes.Where(o => o.Name.EndsWith("-worker", StringComparison.Ordinal)).ToList();
        var kafka = Assert.Single(report.Outcomes, o => o.Name == "kafka");
        Assert.Equal(2, workers.Count);
        Assert.All(workers, worker => Assert.True(worker.SignalledAt >= producer.ExitedAt,
            $"{worker.Name} was signalled at {worker.SignalledAt:O}, before the producer exited at {producer.ExitedAt:O}"));
        Assert.All(workers, worker => Assert.True(kafka.SignalledAt >= worker.ExitedAt, $"kafka was stopped before {worker.Name} had drained"));
        Assert.True(report.IsClean, string.Join(Environment.NewLine, report.Lines));
    }

    [Fact]
    public async Task KilledWorkerIsRestarted()
    {
        await using var graph = await TestGraph.StartAsync();
        var worker = graph.App.GetProject("stream-worker");
        var killed = worker.Kill();

        var replica = await Eventually.WaitAsync("the stream-worker runs again as a new healthy process",
            _ => Task.FromResult(worker.Replicas[0]),
            r => r.Restarts == 1 && r.State == ResourceState.Running && r.Health == HealthState.Healthy && r.ProcessId != killed,
            Timeout);

        Assert.Equal(137, replica.LastExitCode);
    }
}
