using Signups.AppHost;
using Signups.IntegrationTests.Infrastructure;

namespace Signups.IntegrationTests.Storage;

/// <summary>The PostgreSQL store's own paths, where they differ from SQLite's.</summary>
public sealed class PostgresStoreTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task EventsDeliveredAgainAmongNewOnesAreStoredOnceAndCountedAsRedelivered()
    {
        await using var graph = await TestGraph.StartAsync(options =>
        {
            options.Store = SignupStore.Postgres;
            options.Producer = false;
        });
        using var kafka = new KafkaTestClient(graph.BootstrapServers);
        var first = await kafka.PublishSignupsAsync(200, prefix: "first");
        var report = await Eventually.WaitAsync("the first signups stored", _ => graph.Stores.CheckAsync(first), r => r.Holds, Timeout);
        Assert.True(report.Holds, report.ToString());

        // The same events again (as Kafka redelivers them), mixed with new ones: the BatchWorker's COPY into signup_facts
        // fails on the first key it already has, and the batch goes through the staging table instead.
        var again = new List<AcceptedSignup>(first);
        var mixed = kafka.PublishSignupsAsync(100, prefix: "new");
        foreach (var signup in first)
        {
            await kafka.PublishAsync(new Messaging.UserSignedUp(signup.EventId, signup.UserId, $"again-{signup.EventId}@example.com", "Again", DateTimeOffset.UtcNow));
        }

        again.AddRange(await mixed);
        await Eventually.WaitAsync("both workers counted the 200 events again as redelivered",
            async ct => (await WorkerStats.ReadAsync(graph.BatchWorker, ct)).Sum(s => s.Redelivered) + (await WorkerStats.ReadAsync(graph.StreamWorker, ct)).Sum(s => s.Redelivered),
            redelivered => redelivered == 400, Timeout);
        report = await Eventually.WaitAsync("every event exactly once in every store", _ => graph.Stores.CheckAsync(again), r => r.Holds, Timeout);
        Assert.True(report.Holds, report.ToString());
        Assert.Equal(300, await graph.Stores.ScalarAsync(graph.Stores.AnalyticsDb, "SELECT count(*) FROM signup_facts"));
        Assert.Equal(300, await graph.Stores.ScalarAsync(graph.Stores.UsersDb, "SELECT count(*) FROM welcome_emails"));
    }
}
