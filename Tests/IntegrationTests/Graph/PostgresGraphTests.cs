using Signups.AppHost;
using Signups.Hosting.Kafka;
using Signups.IntegrationTests.Infrastructure;

namespace Signups.IntegrationTests.Graph;

/// <summary>
/// <see cref="GraphTests"/>' faults on the PostgreSQL store, one after the other in one graph (a start of the whole graph
/// costs the suite more than any fault): rebalances 2 → 3 → 1 under load, request errors and a broker down, SIGKILLs of
/// each worker under load, a worker drained by SIGTERM under load, and the ordered stop; then every signup exactly once
/// in every store.
/// </summary>
public sealed class PostgresGraphTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task RebalancesBrokerFaultsSigkillsADrainAndTheOrderedStopLoseAndRepeatNothingOnPostgres()
    {
        // Three minutes of the two-core suite's fifteen: with it the integration tests reached the 14-minute session
        // timeout on a clean clone, so CI leaves it out. SIGNUPS_POSTGRES_GRAPH=1 ./test.sh runs it.
        Assert.SkipUnless(Environment.GetEnvironmentVariable("SIGNUPS_POSTGRES_GRAPH") == "1",
            "The whole-graph suite on PostgreSQL runs with SIGNUPS_POSTGRES_GRAPH=1 (it does not fit in CI's 15 minutes).");
        var random = TestSeed.Create(out var seed);
        var graph = await TestGraph.StartAsync(options =>
        {
            options.Store = SignupStore.Postgres;
            options.KafkaBrokers = 3;
            // Aspire fixes the replicas at start: three of each in the model, one of each stopped until scaling up.
            options.StreamWorkerReplicas = 3;
            options.BatchWorkerReplicas = 3;
        });
        using var client = new SignupsClient(graph.Producer);
        var accepted = new List<AcceptedSignup>();
        async Task LoadWhile(Task fault, string phase) => accepted.AddRange(await client.SignUpWhileAsync(fault, phase));

        // Rebalances under load: 2 → 3 → 1 replicas of each worker.
        await Task.WhenAll(Scale(graph.StreamWorker, 2), Scale(graph.BatchWorker, 2));
        await LoadWhile(Task.WhenAll(Scale(graph.StreamWorker, 3), Scale(graph.BatchWorker, 3)), "up");
        await LoadWhile(Task.WhenAll(Scale(graph.StreamWorker, 1), Scale(graph.BatchWorker, 1)), "down");

        // Broker faults from the dashboard's commands.
        Assert.Contains("Produce: NotLeaderForPartition", await graph.ExecuteCommandAsync("kafka", DevBrokerCommands.RequestErrors), StringComparison.Ordinal);
        accepted.AddRange(await client.SignUpManyAsync(300, prefix: "errors"));
        Assert.StartsWith("Broker 3 of 3 is down", await graph.ExecuteCommandAsync("kafka", DevBrokerCommands.BrokerDown), StringComparison.Ordinal);
        accepted.AddRange(await client.SignUpManyAsync(300, prefix: "down"));
        Assert.Equal("Broker 3 accepts connections again.", await graph.ExecuteCommandAsync("kafka", DevBrokerCommands.BrokersUp));

        // SIGKILLs under load: each worker killed twice, each time once more of its events are persisted.
        (GraphResource Worker, string Database, string Count)[] victims =
        [
            (graph.StreamWorker, graph.Stores.UsersDb, "SELECT count(*) FROM processed_events"),
            (graph.BatchWorker, graph.Stores.AnalyticsDb, "SELECT count(*) FROM signup_facts"),
        ];
        async Task KillAsync()
        {
            for (var kill = 0; kill < 4; kill++)
            {
                var (worker, database, count) = victims[kill % 2];
                var restarts = worker.Replicas[0].Restarts;
                var moment = await graph.Stores.ScalarAsync(database, count) + random.Next(200, 1500);
                await Eventually.WaitAsync($"{worker.Name}: {moment} events persisted before kill {kill / 2 + 1} (seed {seed})",
                    _ => graph.Stores.ScalarAsync(database, count), n => n >= moment, Timeout);
                worker.Kill();
                await Eventually.WaitAsync($"{worker.Name} restarted after kill {kill / 2 + 1} (seed {seed})",
                    () => worker.Replicas[0] is { IsHealthy: true } replica && replica.Restarts == restarts + 1, Timeout);
            }
        }

        await LoadWhile(KillAsync(), "kills");

        // A drain under load: SIGTERM makes the BatchWorker persist what it holds and exit 0; started again, it goes on.
        var drained = await graph.BatchWorker.StopReplicasAsync(TimeSpan.FromSeconds(30));
        Assert.All(drained, stop => Assert.True(stop is { ExitCode: 0, Killed: false } && stop.Duration < TimeSpan.FromSeconds(10), stop.Note));
        Assert.Contains("Drained: ", graph.LogOf("batch-worker"), StringComparison.Ordinal);
        await LoadWhile(Scale(graph.BatchWorker, 1), "restart");
        accepted.AddRange(await client.SignUpManyAsync(500, prefix: "last"));
        var report = await Eventually.WaitAsync($"every signup answered 202 in every store before the stop (seed {seed})",
            _ => graph.Stores.CheckAsync(accepted, allowUnaccepted: true), r => r.Holds, Timeout);
        Assert.True(report.Holds, report.ToString());

        // The ordered stop: the producer, then each worker once it has drained, kafka and PostgreSQL last.
        var outcomes = await graph.StopAsync();
        await graph.DisposeAsync();
        var producer = Assert.Single(outcomes, o => o.Resource == "producer");
        var workers = outcomes.Where(o => o.Resource.EndsWith("-worker", StringComparison.Ordinal)).ToList();
        var postgres = Assert.Single(outcomes, o => o.Resource == "postgres");
        var kafka = Assert.Single(outcomes, o => o.Resource == "kafka");
        Assert.True(workers.Count >= 2, string.Join("; ", outcomes));
        Assert.All(workers, worker => Assert.True(worker.SignalledAt >= producer.ExitedAt, $"{worker.Replica} was signalled before the producer exited"));
        Assert.All(workers, worker => Assert.True(postgres.SignalledAt >= worker.ExitedAt && kafka.SignalledAt >= worker.ExitedAt,
            $"postgres or kafka was stopped before {worker.Replica} had drained"));
        Assert.All(outcomes, o => Assert.True(o.IsClean, o.ToString()));

        // What the stop left: every signup once, and each store's offsets matching what it holds.
        await using var stopped = await PostgresAfterStop.StartAsync(graph.Options, graph.Stores);
        report = await graph.Stores.CheckAsync(accepted, allowUnaccepted: true);
        Assert.True(report.Holds, report.ToString());
        var stores = graph.Stores;
        var users = await stores.ScalarAsync(stores.UsersDb, "SELECT count(*) FROM users WHERE status = 'awaiting_confirmation'");
        Assert.Equal(users, await stores.ScalarAsync(stores.UsersDb, "SELECT sum(next_offset) FROM consumer_offsets"));
        Assert.Equal(users, await stores.ScalarAsync(stores.AnalyticsDb, "SELECT count(*) FROM signup_facts"));
        Assert.Equal(users, await stores.ScalarAsync(stores.AnalyticsDb, "SELECT sum(next_offset) FROM consumer_offsets"));
    }

    private static Task Scale(GraphResource worker, int replicas) =>
        worker.ScaleAsync(replicas, TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
}
