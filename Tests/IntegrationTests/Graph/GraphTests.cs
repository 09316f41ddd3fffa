using Signups.AppHost;
using Signups.Hosting.Kafka;
using Signups.IntegrationTests.Infrastructure;

namespace Signups.IntegrationTests.Graph;

/// <summary>
/// The mission's promises, whole graph at once, on each store (<see cref="SqliteGraphTests"/>,
/// <see cref="PostgresGraphTests"/>, one after the other in the collection <see cref="Collection"/>: two at once, each
/// starting eight processes or more, left a graph unstarted after 120 s): every accepted signup exactly once in every
/// store, through every fault; stopping drains.
/// </summary>
public abstract class GraphTests
{
    /// <summary>The collection of both stores' classes, so that they run one after the other (other tests run beside each).</summary>
    public const string Collection = "whole-graph tours";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>What holds the services' data in this class's graph.</summary>
    protected abstract SignupStore Store { get; }

    /// <summary>
    /// The faults a graph meets, one after the other in one graph and under load (a start of the whole graph costs the
    /// two-core suite more than any fault): rebalances 2 → 3 → 1, request errors and a broker down, the producer's burst,
    /// three SIGKILLs of each worker, each worker drained by SIGTERM and started again, and the ordered stop; then every
    /// signup exactly once in every store, read from what the stop left.
    /// </summary>
    [Fact]
    public async Task RebalancesBrokerFaultsSigkillsDrainsAndTheOrderedStopLoseAndRepeatNothing()
    {
        var random = TestSeed.Create(out var seed);
        await using var graph = await TestGraph.StartAsync(options =>
        {
            options.Store = Store;
            options.KafkaBrokers = 3;
            // Aspire fixes the replicas at start: three of each in the model, one of each stopped until scaling up.
            options.StreamWorkerReplicas = 3;
            options.BatchWorkerReplicas = 3;
            // Eight processes or more at once, on two cores, beside another test and the browser tests' graph: a start
            // took 117 s in a clean-clone CI run.
            options.StartTimeout = TimeSpan.FromSeconds(240);
        });
        using var client = new SignupsClient(graph.Producer);
        var ct = TestContext.Current.CancellationToken;
        var accepted = new List<AcceptedSignup>();
        // At most 1,000 signups a second: the dev broker keeps only 5 MB per partition, and the two-core suite runs another
        // test beside this one.
        async Task LoadWhile(Task fault, string phase) => accepted.AddRange(await client.SignUpWhileAsync(fault, phase, perRound: 100));

        // Rebalances under load, 2 → 3 → 1 replicas of each worker: cooperative, so no event is handled twice.
        await Task.WhenAll(Scale(graph.StreamWorker, 2), Scale(graph.BatchWorker, 2));
        await LoadWhile(Task.WhenAll(Scale(graph.StreamWorker, 3), Scale(graph.BatchWorker, 3)), "up");
        await LoadWhile(Task.WhenAll(Scale(graph.StreamWorker, 1), Scale(graph.BatchWorker, 1)), "down");
        await Eventually.WaitAsync("every signup of the rebalances in every store", _ => graph.Stores.CheckAsync(accepted, allowUnaccepted: true),
            r => r.Holds, Timeout);
        Assert.Equal(0, (await WorkerStats.ReadAsync(graph.StreamWorker, ct)).Sum(s => s.Redelivered));
        Assert.Equal(0, (await WorkerStats.ReadAsync(graph.BatchWorker, ct)).Sum(s => s.Redelivered));

        // Broker faults from the dashboard's commands, and the producer's burst: one POST of 1,000 signups.
        Assert.Contains("Produce: NotLeaderForPartition, RequestTimedOut, NotEnoughReplicas",
            await graph.ExecuteCommandAsync("kafka", DevBrokerCommands.RequestErrors), StringComparison.Ordinal);
        accepted.AddRange(await client.SignUpManyAsync(300, prefix: "errors"));
        Assert.StartsWith("Broker 3 of 3 is down", await graph.ExecuteCommandAsync("kafka", DevBrokerCommands.BrokerDown), StringComparison.Ordinal);
        Assert.False((await graph.DevBroker.DescribeAsync(ct)).Brokers.Single(b => b.Id == 3).Up);
        accepted.AddRange(await client.SignUpManyAsync(300, prefix: "down"));
        Assert.Equal("Broker 3 accepts connections again.", await graph.ExecuteCommandAsync("kafka", DevBrokerCommands.BrokersUp));
        Assert.All((await graph.DevBroker.DescribeAsync(ct)).Brokers, b => Assert.True(b.Up));
        var burst = await graph.ExecuteCommandAsync("producer", SignupBurstCommand.Name);
        Assert.Matches(@"^Burst (\w+): 1,000 signups in one POST /signups/batch, answered in [\d.]+ s: 1,000 accepted, 0 rejected, 0 failed\.$", burst);
        var burstId = burst.Split(' ', ':')[1];

        // SIGKILLs under load: each worker killed three times, each time once more of its events are persisted; the
        // AppHost's CrashRestarter starts it again as a new process.
        (GraphResource Worker, string Database, string Count)[] victims =
        [
            (graph.StreamWorker, graph.Stores.UsersDb, "SELECT count(*) FROM processed_events"),
            (graph.BatchWorker, graph.Stores.AnalyticsDb, "SELECT count(*) FROM signup_facts"),
        ];
        async Task KillAsync()
        {
            for (var kill = 0; kill < 6; kill++)
            {
                var (worker, database, count) = victims[kill % 2];
                var restarts = worker.Replicas[0].Restarts;
                var moment = await graph.Stores.ScalarAsync(database, count) + random.Next(200, 1500);
                await Eventually.WaitAsync($"{worker.Name}: {moment} events persisted before kill {kill / 2 + 1} (seed {seed})",
                    _ => graph.Stores.ScalarAsync(database, count), n => n >= moment, Timeout);
                var killed = worker.Kill();
                var restarted = await Eventually.WaitAsync($"{worker.Name} restarted as a new healthy process after kill {kill / 2 + 1} (seed {seed})",
                    _ => Task.FromResult(worker.Replicas[0]), r => r.Restarts == restarts + 1 && r.IsHealthy && r.ProcessId != killed, Timeout);
                Assert.NotEqual(0, restarted.LastExitCode);
            }
        }

        await LoadWhile(KillAsync(), "kills");
        Assert.Equal(6, graph.LogOf("CrashRestarter").Split(Environment.NewLine).Count(line => line.Contains("starting it again", StringComparison.Ordinal)));

        // Drains under load: SIGTERM makes each worker persist what it holds, commit and exit 0; started again, it goes on
        // from what it committed, receiving no event it had persisted.
        foreach (var worker in new[] { graph.StreamWorker, graph.BatchWorker })
        {
            var drained = await worker.StopReplicasAsync(TimeSpan.FromSeconds(30));
            Assert.All(drained, stop => Assert.True(stop is { ExitCode: 0, Killed: false } && stop.Duration < TimeSpan.FromSeconds(10), stop.Note));
            Assert.Contains("Drained: ", graph.LogOf(worker.Name), StringComparison.Ordinal);
            await LoadWhile(Scale(worker, 1), $"{worker.Name}-restart");
        }

        accepted.AddRange(await client.SignUpManyAsync(500, prefix: "last"));
        var report = await Eventually.WaitAsync($"every signup answered 202 in every store before the stop (seed {seed})",
            _ => graph.Stores.CheckAsync(accepted, allowUnaccepted: true), r => r.Holds, Timeout);
        Assert.True(report.Holds, report.ToString());
        Assert.Equal(0, (await WorkerStats.ReadAsync(graph.StreamWorker, ct)).Sum(s => s.Redelivered));
        Assert.Equal(0, (await WorkerStats.ReadAsync(graph.BatchWorker, ct)).Sum(s => s.Redelivered));

        // The ordered stop: the producer, each worker once the producer has exited, the stores' server and kafka only once
        // every worker has drained. (AppHostProcessTests stops the demo load before the producer.)
        var outcomes = await graph.StopAsync();
        var producer = Assert.Single(outcomes, o => o.Resource == "producer");
        var workers = outcomes.Where(o => o.Resource.EndsWith("-worker", StringComparison.Ordinal)).ToList();
        var last = outcomes.Where(o => o.Resource is "kafka" or "postgres").ToList();
        Assert.Equal(Store == SignupStore.Postgres ? 2 : 1, last.Count);
        Assert.All(workers, worker => Assert.True(worker.SignalledAt >= producer.ExitedAt,
            $"{worker.Replica} was signalled at {worker.SignalledAt:O}, before the producer exited at {producer.ExitedAt:O}"));
        Assert.All(workers, worker => Assert.All(last, server => Assert.True(server.SignalledAt >= worker.ExitedAt,
            $"{server.Resource} was stopped before {worker.Replica} had drained")));
        // No drain needed DCP's window after SIGTERM (it kills at 6 s): each worker had caught up before it was signalled.
        Assert.All(workers, o => Assert.True(o.ExitedAt - o.SignalledAt < TimeSpan.FromSeconds(5), o.ToString()));
        Assert.Equal(["batch-worker", "stream-worker"], workers.Select(o => o.Resource).Distinct().Order());
        Assert.All(outcomes, o => Assert.True(o.IsClean, o.ToString()));

        // What the stop left: every signup once, the burst's too, and each store's offsets matching what it holds.
        await using var stopped = Store == SignupStore.Postgres ? await PostgresAfterStop.StartAsync(graph.Options, graph.Stores) : null;
        var stores = graph.Stores;
        report = await stores.CheckAsync(accepted, allowUnaccepted: true);
        Assert.True(report.Holds, report.ToString());
        Assert.Equal(SignupBurstCommand.Count, await stores.ScalarAsync(stores.UsersDb,
            $"SELECT count(*) FROM users WHERE email LIKE 'burst-{burstId}-%' AND status = 'awaiting_confirmation'"));
        var users = await stores.ScalarAsync(stores.UsersDb, "SELECT count(*) FROM users WHERE status = 'awaiting_confirmation'");
        Assert.Equal(users, await stores.ScalarAsync(stores.UsersDb, "SELECT count(*) FROM users"));
        Assert.Equal(users, await stores.ScalarAsync(stores.UsersDb, "SELECT sum(next_offset) FROM consumer_offsets"));
        Assert.Equal(users, await stores.ScalarAsync(stores.AnalyticsDb, "SELECT count(*) FROM signup_facts"));
        Assert.Equal(users, await stores.ScalarAsync(stores.AnalyticsDb, "SELECT sum(next_offset) FROM consumer_offsets"));
    }

    private static Task Scale(GraphResource worker, int replicas) =>
        worker.ScaleAsync(replicas, TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
}
