using Signups.AppHost;
using Signups.Hosting.Kafka;
using Signups.IntegrationTests.Infrastructure;

namespace Signups.IntegrationTests.Graph;

/// <summary>
/// The mission's promises, whole graph at once, on SQLite: every accepted signup exactly once in every store; stopping
/// drains. <see cref="PostgresGraphTests"/> runs the same faults on PostgreSQL.
/// </summary>
public sealed class GraphTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task TwoThousandSignupsThroughTheApiEndUpExactlyOnceInEveryStore()
    {
        await using var graph = await TestGraph.StartAsync();
        using var client = new SignupsClient(graph.Producer);

        var accepted = await client.SignUpManyAsync(2000);

        Assert.Equal(2000, accepted.Count);
        var report = await Eventually.WaitAsync("every user awaiting confirmation with one sent email, one .eml file and one fact",
            _ => graph.Stores.CheckAsync(accepted), r => r.Holds, Timeout);
        Assert.True(report.Holds, report.ToString());
    }

    [Fact]
    public async Task TwentyThousandSignupsSurviveThreeSigkillsOfEachWorker()
    {
        var random = TestSeed.Create(out var seed);
        await using var graph = await TestGraph.StartAsync();
        var confirmed = Path.Combine(graph.Options.DataPath, "confirmed-ids.txt");
        await using var load = StartedProcess.Start(ServiceAssemblies.Producer, ["load", "--count", "20000", "--rate", "2000", "--confirmed-ids", confirmed],
            new Dictionary<string, string> { ["ConnectionStrings__kafka"] = graph.BootstrapServers });

        (GraphResource Worker, string Database, string Count)[] victims =
        [
            (graph.StreamWorker, graph.Stores.UsersDb, "SELECT count(*) FROM processed_events"),
            (graph.BatchWorker, graph.Stores.AnalyticsDb, "SELECT count(*) FROM signup_facts"),
        ];
        for (var kill = 0; kill < 6; kill++)
        {
            var (worker, database, count) = victims[kill % 2];
            var moment = Math.Min(19_999, await graph.Stores.ScalarAsync(database, count) + random.Next(300, 3000));
            await Eventually.WaitAsync($"{worker.Name}: {moment} events persisted before kill {kill / 2 + 1} (seed {seed})",
                _ => graph.Stores.ScalarAsync(database, count), n => n >= moment, Timeout);
            var killed = worker.Kill();
            // The AppHost's CrashRestarter starts the killed replica again: a new process, healthy.
            var restarted = await Eventually.WaitAsync($"{worker.Name} restarted as a new healthy process after kill {kill / 2 + 1} (seed {seed})",
                _ => Task.FromResult(worker.Replicas[0]), r => r.Restarts == kill / 2 + 1 && r.IsHealthy && r.ProcessId != killed, Timeout);
            Assert.NotEqual(0, restarted.LastExitCode);
        }

        Assert.Equal(6, graph.LogOf("CrashRestarter").Split(Environment.NewLine).Count(line => line.Contains("starting it again", StringComparison.Ordinal)));
        Assert.Equal(0, await load.ExitCodeAsync(Timeout));
        var accepted = (await File.ReadAllLinesAsync(confirmed, TestContext.Current.CancellationToken))
            .Select(line => line.Split(' ')).Select(ids => new AcceptedSignup(Guid.Parse(ids[0]), Guid.Parse(ids[1]))).ToList();
        Assert.Equal(20_000, accepted.Count);
        var report = await Eventually.WaitAsync($"every one of the 20,000 signups exactly once in every store (seed {seed})",
            _ => graph.Stores.CheckAsync(accepted), r => r.Holds, Timeout * 2);
        Assert.True(report.Holds, report.ToString());
    }

    [Fact]
    public async Task ScalingTheWorkersUpAndDownUnderLoadLosesAndRepeatsNothing()
    {
        await using var graph = await TestGraph.StartAsync(options =>
        {
            // Aspire fixes the replicas at start: three of each in the model, one of each stopped until scaling up.
            options.StreamWorkerReplicas = 3;
            options.BatchWorkerReplicas = 3;
        });
        await Task.WhenAll(Scale(graph.StreamWorker, 2), Scale(graph.BatchWorker, 2));
        using var client = new SignupsClient(graph.Producer);
        var accepted = new List<AcceptedSignup>();
        accepted.AddRange(await client.SignUpWhileAsync(Task.WhenAll(Scale(graph.StreamWorker, 3), Scale(graph.BatchWorker, 3)), "up"));
        accepted.AddRange(await client.SignUpWhileAsync(Task.WhenAll(Scale(graph.StreamWorker, 1), Scale(graph.BatchWorker, 1)), "down"));
        accepted.AddRange(await client.SignUpManyAsync(500, prefix: "after"));

        var report = await Eventually.WaitAsync("every signup exactly once after scaling 2 → 3 → 1", _ => graph.Stores.CheckAsync(accepted), r => r.Holds, Timeout);
        Assert.True(report.Holds, report.ToString());
        Assert.Equal(0, (await WorkerStats.ReadAsync(graph.StreamWorker, TestContext.Current.CancellationToken)).Sum(s => s.Redelivered));
        Assert.Equal(0, (await WorkerStats.ReadAsync(graph.BatchWorker, TestContext.Current.CancellationToken)).Sum(s => s.Redelivered));
    }

    [Fact]
    public async Task ABrokerDownAndInjectedRequestErrorsFromTheDashboardCommandsLoseNoAcceptedSignup()
    {
        await using var graph = await TestGraph.StartAsync(options => options.KafkaBrokers = 3);
        using var client = new SignupsClient(graph.Producer);
        var accepted = new List<AcceptedSignup>(await client.SignUpManyAsync(300, prefix: "calm"));
        var ct = TestContext.Current.CancellationToken;

        var errors = await graph.ExecuteCommandAsync("kafka", DevBrokerCommands.RequestErrors);
        Assert.Contains("Produce: NotLeaderForPartition, RequestTimedOut, NotEnoughReplicas", errors, StringComparison.Ordinal);
        accepted.AddRange(await client.SignUpManyAsync(300, prefix: "errors"));

        Assert.StartsWith("Broker 3 of 3 is down", await graph.ExecuteCommandAsync("kafka", DevBrokerCommands.BrokerDown), StringComparison.Ordinal);
        Assert.False((await graph.DevBroker.DescribeAsync(ct)).Brokers.Single(b => b.Id == 3).Up);
        accepted.AddRange(await client.SignUpManyAsync(300, prefix: "down"));
        Assert.Equal("Broker 3 accepts connections again.", await graph.ExecuteCommandAsync("kafka", DevBrokerCommands.BrokersUp));
        Assert.All((await graph.DevBroker.DescribeAsync(ct)).Brokers, b => Assert.True(b.Up));
        accepted.AddRange(await client.SignUpManyAsync(300, prefix: "up"));

        // The producer's burst command: one batch, each of its signups then in every store like the others.
        var burst = await graph.ExecuteCommandAsync("producer", SignupBurstCommand.Name);
        Assert.Matches(@"^Burst (\w+): 1,000 signups in one POST /signups/batch, answered in [\d.]+ s: 1,000 accepted, 0 rejected, 0 failed\.$", burst);
        var burstId = burst.Split(' ', ':')[1];

        var report = await Eventually.WaitAsync("every signup answered 202 is in every store", _ => graph.Stores.CheckAsync(accepted, allowUnaccepted: true),
            r => r.Holds, Timeout);
        Assert.True(report.Holds, report.ToString());
        await Eventually.WaitAsync("the burst's 1,000 users awaiting confirmation, and as many facts as users",
            async _ => (
                Burst: await graph.Stores.ScalarAsync(graph.Stores.UsersDb, $"SELECT count(*) FROM users WHERE email LIKE 'burst-{burstId}-%' AND status = 'awaiting_confirmation'"),
                Users: await graph.Stores.ScalarAsync(graph.Stores.UsersDb, "SELECT count(*) FROM users"),
                Facts: await graph.Stores.ScalarAsync(graph.Stores.AnalyticsDb, "SELECT count(*) FROM signup_facts")),
            counts => counts.Burst == SignupBurstCommand.Count && counts.Users == counts.Facts, Timeout);
    }

    [Fact]
    public async Task SigtermMakesTheBatchWorkerFlushItsPartialBatchAndTheRestartProcessesNoOldEvent()
    {
        await using var graph = await TestGraph.StartAsync(options =>
            options.Environment["batch-worker"] = new() { ["BatchWorker__MaxBatchDelay"] = "00:01:00" });
        using var client = new SignupsClient(graph.Producer);
        var accepted = await client.SignUpManyAsync(40);
        await Eventually.WaitAsync("the batch worker holds the 40 events", ct => WorkerStats.ReadAsync(graph.BatchWorker, ct),
            s => s.Count == 1 && s[0].Pending == 40, Timeout);

        var stopped = Assert.Single(await graph.BatchWorker.StopReplicasAsync(TimeSpan.FromSeconds(30)));

        Assert.True(stopped is { ExitCode: 0, Killed: false } && stopped.Duration < TimeSpan.FromSeconds(10), stopped.Note);
        Assert.Equal(40, await graph.Stores.ScalarAsync(graph.Stores.AnalyticsDb, "SELECT count(*) FROM signup_facts"));
        Assert.Contains("Drained: 40 events persisted in 1 batches", graph.LogOf("batch-worker"), StringComparison.Ordinal);
        await graph.BatchWorker.StartAgainAsync(TestContext.Current.CancellationToken);
        var marker = await client.SignUpManyAsync(1, prefix: "marker");
        var restarted = await Eventually.WaitAsync("the restarted batch worker receives the new signup",
            ct => WorkerStats.ReadAsync(graph.BatchWorker, ct), s => s.Count == 1 && s[0].Received >= 1, Timeout);
        Assert.Equal(1, restarted[0].Received);
        Assert.Single(marker);
    }

    [Fact]
    public async Task TheOrderedStopGoesLoadProducerWorkersBrokerAndLeavesEveryStoreCompleteWithEveryExitCodeZero()
    {
        var graph = await TestGraph.StartAsync(options =>
        {
            options.DemoLoad = true;
            options.DemoLoadRate = 300;
        });
        await Eventually.WaitAsync("the demo load is flowing", _ => graph.Stores.ScalarAsync(graph.Stores.AnalyticsDb, "SELECT count(*) FROM signup_facts"),
            n => n >= 500, Timeout);

        var outcomes = await graph.StopAsync();
        await graph.DisposeAsync();

        // In order: the demo load, then the producer, each worker only once the producer has exited, the broker last.
        var load = Assert.Single(outcomes, o => o.Resource == "demo-load");
        var producer = Assert.Single(outcomes, o => o.Resource == "producer");
        var workers = outcomes.Where(o => o.Resource.EndsWith("-worker", StringComparison.Ordinal)).ToList();
        var kafka = Assert.Single(outcomes, o => o.Resource == "kafka");
        Assert.True(producer.SignalledAt >= load.ExitedAt, "the producer was stopped before the demo load had exited");
        Assert.All(workers, worker => Assert.True(worker.SignalledAt >= producer.ExitedAt,
            $"{worker.Replica} was signalled at {worker.SignalledAt:O}, before the producer exited at {producer.ExitedAt:O}"));
        Assert.All(workers, worker => Assert.True(kafka.SignalledAt >= worker.ExitedAt, $"kafka was stopped before {worker.Replica} had drained"));
        // No drain needed DCP's window after SIGTERM (it kills at 6 s): each worker had caught up before it was signalled.
        Assert.All(workers, o => Assert.True(o.ExitedAt - o.SignalledAt < TimeSpan.FromSeconds(5), o.ToString()));

        Assert.Equal(["batch-worker", "demo-load", "kafka", "producer", "stream-worker"], outcomes.Select(o => o.Resource).Order());
        Assert.All(outcomes, o => Assert.True(o.IsClean, o.ToString()));
        var stores = graph.Stores;
        var published = await stores.ScalarAsync(stores.UsersDb, "SELECT sum(next_offset) FROM consumer_offsets");
        Assert.True(published >= 500);
        Assert.Equal(published, await stores.ScalarAsync(stores.AnalyticsDb, "SELECT sum(next_offset) FROM consumer_offsets"));
        Assert.Equal(published, await stores.ScalarAsync(stores.UsersDb, "SELECT count(*) FROM users WHERE status = 'awaiting_confirmation'"));
        Assert.Equal(published, await stores.ScalarAsync(stores.AnalyticsDb, "SELECT count(*) FROM signup_facts"));
    }

    private static Task Scale(GraphResource worker, int replicas) =>
        worker.ScaleAsync(replicas, TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
}
