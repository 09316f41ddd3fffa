using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Signups.AppHost.Lifecycle;
using Signups.IntegrationTests.Infrastructure;

namespace Signups.IntegrationTests.AppHost;

public sealed class AppHostLifecycleTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task EveryResourceBecomesHealthyWithItsHealthCheckShownAndItsConnectionStrings()
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

        // The services get their connection strings from the model.
        Assert.Equal($"Data Source={graph.Stores.UsersDb}", await graph.App.GetConnectionStringAsync("users-db", ct));
        Assert.Equal($"Data Source={graph.Stores.AnalyticsDb}", await graph.App.GetConnectionStringAsync("analytics-db", ct));
        Assert.StartsWith("localhost:", graph.BootstrapServers, StringComparison.Ordinal);
        var cluster = await graph.DevBroker.DescribeAsync(ct);
        Assert.Contains(cluster.Topics, t => t is { Name: "user_signups", Partitions: 12 });
    }

    [Fact]
    public async Task TheOrderedStopIsTheFirstHostedServiceStopped()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Signups_AppHost>(["--no-load=true"], ct);
        // Never started, so disposing waits the whole shutdown timeout (the AppHost's 3 min) for a stop that never comes.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(1));
        await using var app = await builder.BuildAsync(ct);

        // The host stops its hosted services in the reverse of their order: the last one first, before Aspire's own.
        var hosted = app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().ToList();
        Assert.IsType<OrderedStop>(hosted[^1]);
    }
}
