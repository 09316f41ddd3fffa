using System.Text;
using Signups.IntegrationTests.Infrastructure;
using Signups.Messaging;

namespace Signups.IntegrationTests.BatchWorker;

public sealed class BatchWorkerTests
{
    private const string Facts = "SELECT count(*) FROM signup_facts";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task ABatchIsFlushedWhenItHoldsMaxBatchSizeEvents()
    {
        await using var graph = await TestGraph.StartAsync(options => Batching(options.Only("batch-worker"), size: 100, delay: TimeSpan.FromMinutes(1)));
        using var kafka = new KafkaTestClient(graph.BootstrapServers);
        await kafka.PublishSignupsAsync(250);

        var stats = await Eventually.WaitAsync("two full batches are flushed and 50 events wait for more",
            ct => WorkerStats.ReadAsync(graph.BatchWorker, ct), s => s.Count == 1 && s[0].Batches == 2 && s[0].Pending == 50, Timeout);

        Assert.Equal(100, stats[0].LastBatchSize);
        Assert.Equal(200, await graph.Stores.ScalarAsync(graph.Stores.AnalyticsDb, Facts));
    }

    [Fact]
    public async Task APartialBatchIsFlushedWhenMaxBatchDelayHasPassed()
    {
        await using var graph = await TestGraph.StartAsync(options => Batching(options.Only("batch-worker"), size: 5000, delay: TimeSpan.FromSeconds(1)));
        using var kafka = new KafkaTestClient(graph.BootstrapServers);
        var accepted = await kafka.PublishSignupsAsync(10);

        var stats = await Eventually.WaitAsync("the ten events are flushed on time, in one batch",
            ct => WorkerStats.ReadAsync(graph.BatchWorker, ct), s => s.Count == 1 && s[0].Processed == 10, TimeSpan.FromSeconds(30));

        Assert.Equal(1, stats[0].Batches);
        Assert.Equal(10, stats[0].LastBatchSize);
        Assert.Equal(accepted.Count, await graph.Stores.ScalarAsync(graph.Stores.AnalyticsDb, Facts));
    }

    [Fact]
    public async Task SigkillMidFlushLeavesNoDuplicateAndNoGap()
    {
        var random = TestSeed.Create(out var seed);
        await using var graph = await TestGraph.StartAsync(options => Batching(options.Only("batch-worker"), size: 500, delay: TimeSpan.FromMilliseconds(200)));
        using var kafka = new KafkaTestClient(graph.BootstrapServers);
        var accepted = await kafka.PublishSignupsAsync(10000);

        for (var kill = 1; kill <= 3; kill++)
        {
            var moment = Math.Min(accepted.Count - 1, await graph.Stores.ScalarAsync(graph.Stores.AnalyticsDb, Facts) + random.Next(200, 2000));
            await Eventually.WaitAsync($"kill {kill} (seed {seed}): {moment} facts stored",
                _ => graph.Stores.ScalarAsync(graph.Stores.AnalyticsDb, Facts), n => n >= moment, Timeout);
            graph.BatchWorker.Kill();
            await Eventually.WaitAsync($"restart {kill} (seed {seed})",
                () => graph.BatchWorker.Replicas[0] is { IsRunning: true } replica && replica.Restarts == kill, Timeout);
        }

        var report = await Eventually.WaitAsync($"every signup exactly once after three SIGKILLs (seed {seed})",
            _ => graph.Stores.CheckAsync(accepted), r => r.Holds, Timeout * 2);
        Assert.True(report.Holds, report.ToString());
        Assert.Equal(accepted.Count, await graph.Stores.ScalarAsync(graph.Stores.AnalyticsDb, Facts));
        Assert.Equal(accepted.Count, await graph.Stores.ScalarAsync(graph.Stores.AnalyticsDb,
            "SELECT sum(next_offset) FROM consumer_offsets WHERE consumer_group = 'batch-worker'"));
    }

    [Fact]
    public async Task AJoiningMemberTakesOnlyThePartitionsThatMove()
    {
        // cooperative-sticky on the dev broker: the member that held all 12 partitions gives up only those that move,
        // where the eager protocol would revoke all 12 and assign them again.
        await using var graph = await TestGraph.StartAsync(options =>
        {
            Batching(options.Only("batch-worker"), size: 1000, delay: TimeSpan.FromMilliseconds(500));
            options.BatchWorkerReplicas = 2;
        });
        await graph.BatchWorker.ScaleAsync(1, TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        await Eventually.WaitAsync("one replica holds every partition", ct => WorkerStats.ReadAsync(graph.BatchWorker, ct),
            s => s.Count == 1 && s[0].Partitions.Count == 12, Timeout);
        // Events on every partition, so that each revoked partition is logged with its next offset.
        using var kafka = new KafkaTestClient(graph.BootstrapServers);
        var accepted = await kafka.PublishSignupsAsync(600, prefix: "coop");
        await Eventually.WaitAsync("the signups are stored", _ => graph.Stores.CheckAsync(accepted), r => r.Holds, Timeout);

        await graph.BatchWorker.ScaleAsync(2, TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        await Eventually.WaitAsync("two replicas split the partitions", ct => WorkerStats.ReadAsync(graph.BatchWorker, ct),
            s => s.Count == 2 && s.All(r => r.Partitions.Count > 0) && s.Sum(r => r.Partitions.Count) == 12, Timeout);

        var revocations = graph.LogOf("batch-worker").Split('\n')
            .Where(line => line.Contains("finished and committed revoked partitions", StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf("partitions ", StringComparison.Ordinal) + "partitions ".Length)..].Split(", ").Length)
            .ToList();
        Assert.NotEmpty(revocations);
        Assert.All(revocations, revoked => Assert.InRange(revoked, 1, 11));
    }

    [Fact]
    public async Task PoisonMessagesGoToTheDeadLetterTopicAndBatchesGoOn()
    {
        await using var graph = await TestGraph.StartAsync(options => Batching(options.Only("batch-worker"), size: 5000, delay: TimeSpan.FromMilliseconds(300)));
        using var kafka = new KafkaTestClient(graph.BootstrapServers);
        var valid = await kafka.PublishSignupsAsync(20);
        var poison = await kafka.PublishRawAsync("bad"u8.ToArray(), "{\"eventId\":\"nope\"}"u8.ToArray(), []);

        var report = await Eventually.WaitAsync("the valid signups are stored", _ => graph.Stores.CheckAsync(valid), r => r.Holds, Timeout);
        Assert.True(report.Holds, report.ToString());

        using var deadLetters = new TopicProbe(graph.BootstrapServers, SignupTopics.UserSignupsDeadLetters);
        await Eventually.WaitAsync("the poison message is dead-lettered", _ => Task.FromResult(deadLetters.Count()), count => count >= 1, Timeout);
        var letter = Assert.Single(deadLetters.ReadAll());
        Assert.Equal("batch-worker", letter.HeaderText(MessageHeaders.DeadLetterConsumerGroup));
        Assert.Equal("bad", Encoding.UTF8.GetString(letter.Message.Key));
        Assert.Equal(poison.Offset.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), letter.HeaderText(MessageHeaders.DeadLetterSourceOffset));
        Assert.Equal(20, await graph.Stores.ScalarAsync(graph.Stores.AnalyticsDb, Facts));
    }

    private static void Batching(GraphOptions options, int size, TimeSpan delay) =>
        options.Environment["batch-worker"] = new()
        {
            ["BatchWorker__MaxBatchSize"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["BatchWorker__MaxBatchDelay"] = delay.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        };
}
