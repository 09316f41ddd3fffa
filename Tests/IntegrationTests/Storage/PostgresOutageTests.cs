using System.Net;
using Signups.AppHost;
using Signups.IntegrationTests.Infrastructure;

namespace Signups.IntegrationTests.Storage;

/// <summary>The PostgreSQL store going away: at a worker's start, and under load (the server resource stopped from the dashboard).</summary>
public sealed class PostgresOutageTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task StoppedUnderLoadItLosesAndRepeatsNothingAndAWorkerStartedMeanwhileSaysWhyAndDoesNotConsume()
    {
        // Events go straight to Kafka: the Producer's Idempotency-Keys live on the same server, so it would answer 503.
        await using var graph = await TestGraph.StartAsync(options =>
        {
            options.Store = SignupStore.Postgres;
            options.Producer = false;
        });
        var ct = TestContext.Current.CancellationToken;
        using var kafka = new KafkaTestClient(graph.BootstrapServers);
        var postgres = graph.Resource("postgres");
        var accepted = new List<AcceptedSignup>(await kafka.PublishSignupsAsync(500, prefix: "before"));

        // Aspire's stop command on the server while signups keep coming.
        var outage = postgres.StopReplicasAsync(TimeSpan.FromSeconds(30));
        accepted.AddRange(await kafka.PublishWhileAsync(outage, prefix: "stopping"));
        Assert.All(await outage, stop => Assert.Equal(0, stop.ExitCode));
        accepted.AddRange(await kafka.PublishSignupsAsync(1000, prefix: "down"));
        await Eventually.WaitAsync("the stream worker reports its database unreachable",
            _ => HealthAsync(graph.EndpointOf("stream-worker")), h => h.Status == HttpStatusCode.ServiceUnavailable && h.Body.Contains("users-db: PostgreSQL at", StringComparison.Ordinal)
                && h.Body.Contains("does not answer", StringComparison.Ordinal), Timeout);

        // A BatchWorker started now, outside the AppHost, with the database unreachable: unhealthy, saying why, and not in the group.
        var port = FreePort.Next();
        var analytics = graph.Stores.AnalyticsDb;
        await using var late = StartedProcess.Start(ServiceAssemblies.BatchWorker, new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ConnectionStrings__kafka"] = graph.BootstrapServers,
            ["ConnectionStrings__analytics-db"] = analytics,
            ["Aspire__Confluent__Kafka__Consumer__Config__SessionTimeoutMs"] = "3000",
            ["Aspire__Confluent__Kafka__Consumer__Config__HeartbeatIntervalMs"] = "1000",
        });
        var lateWorker = new Uri($"http://127.0.0.1:{port}");
        var health = await Eventually.WaitAsync("the late worker answers /health after its first attempt at the schema", _ => HealthAsync(lateWorker),
            h => h.Status != 0 && h.Body.Contains("does not answer", StringComparison.Ordinal), Timeout);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.Status);
        Assert.Contains("analytics-db: schema not created yet, so nothing is consumed: PostgreSQL at", health.Body, StringComparison.Ordinal);
        Assert.Contains("does not answer", health.Body, StringComparison.Ordinal);
        Assert.Contains("Waiting for analytics-db before joining consumer group", late.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Subscribed to", late.Output, StringComparison.Ordinal);

        // The server back: the retries go through, the late worker joins, and every event is in every store exactly once.
        await postgres.StartAgainAsync(ct);
        await Eventually.WaitAsync("the late worker healthy once PostgreSQL is back", _ => HealthAsync(lateWorker), h => h.Status == HttpStatusCode.OK, Timeout);
        Assert.Contains("Subscribed to", late.Output, StringComparison.Ordinal);
        accepted.AddRange(await kafka.PublishSignupsAsync(500, prefix: "after"));
        var report = await Eventually.WaitAsync("every event exactly once in every store after the outage", _ => graph.Stores.CheckAsync(accepted), r => r.Holds, Timeout);
        Assert.True(report.Holds, report.ToString());
        Assert.Contains("Store call failed", graph.LogOf("stream-worker"), StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string Body)> HealthAsync(Uri service)
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(service, "/health"), TestContext.Current.CancellationToken);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
        catch (HttpRequestException)
        {
            return (0, string.Empty);
        }
    }
}
