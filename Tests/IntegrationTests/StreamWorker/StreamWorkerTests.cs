using System.Text;
using Confluent.Kafka;
using Signups.IntegrationTests.Infrastructure;
using Signups.Messaging;

namespace Signups.IntegrationTests.StreamWorker;

public sealed class StreamWorkerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task ARedeliveredEventChangesNothing()
    {
        await using var graph = await TestGraph.StartAsync(options => options.Only("stream-worker"));
        using var kafka = new KafkaTestClient(graph.BootstrapServers);
        var signup = new UserSignedUp(Guid.CreateVersion7(), Guid.CreateVersion7(), "again@example.com", "Again", DateTimeOffset.UtcNow);
        AcceptedSignup[] accepted = [new(signup.EventId, signup.UserId)];
        await kafka.PublishAsync(signup);
        await Eventually.WaitAsync("the signup is in every store", _ => graph.Stores.CheckAsync(accepted), r => r.Holds, Timeout);
        var updatedAt = await graph.Stores.ScalarAsync(graph.Stores.UsersDb, "SELECT count(*) FROM users WHERE updated_at = (SELECT max(updated_at) FROM users)");

        await kafka.PublishAsync(signup);

        await Eventually.WaitAsync("the stream worker saw the redelivery", ct => WorkerStats.ReadAsync(graph.StreamWorker, ct),
            stats => stats.Sum(s => s.Redelivered) == 1, Timeout);
        var report = await graph.Stores.CheckAsync(accepted);
        Assert.True(report.Holds, report.ToString());
        Assert.Equal(1, await graph.Stores.ScalarAsync(graph.Stores.UsersDb, "SELECT count(*) FROM processed_events"));
        Assert.Equal(updatedAt, await graph.Stores.ScalarAsync(graph.Stores.UsersDb, "SELECT count(*) FROM users WHERE updated_at = (SELECT max(updated_at) FROM users)"));
    }

    [Fact]
    public async Task PoisonMessagesGoToTheDeadLetterTopicAndTheStreamGoesOn()
    {
        await using var graph = await TestGraph.StartAsync(options => options.Only("stream-worker"));
        using var kafka = new KafkaTestClient(graph.BootstrapServers);
        var before = await kafka.PublishSignupsAsync(5, prefix: "before");
        var notJson = await kafka.PublishRawAsync("poison-1"u8.ToArray(), "not json"u8.ToArray(), new Headers { { "x-origin", "test"u8.ToArray() } });
        var missingFields = await kafka.PublishRawAsync("poison-2"u8.ToArray(), "{\"email\":\"a@b.co\"}"u8.ToArray(), []);
        var after = await kafka.PublishSignupsAsync(5, prefix: "after");

        var report = await Eventually.WaitAsync("the valid signups around the poison are processed",
            _ => graph.Stores.CheckAsync([.. before, .. after]), r => r.Holds, Timeout);
        Assert.True(report.Holds, report.ToString());

        using var deadLetters = new TopicProbe(graph.BootstrapServers, SignupTopics.UserSignupsDeadLetters);
        await Eventually.WaitAsync("both poison messages are dead-lettered", _ => Task.FromResult(deadLetters.Count()), count => count >= 2, Timeout);
        var letters = deadLetters.ReadAll();
        Assert.Equal(2, letters.Count);
        Assert.All(letters, m => Assert.Equal("stream-worker", m.HeaderText(MessageHeaders.DeadLetterConsumerGroup)));
        var first = Assert.Single(letters, m => Encoding.UTF8.GetString(m.Message.Key) == "poison-1");
        Assert.Equal("not json", Encoding.UTF8.GetString(first.Message.Value));
        Assert.Equal("test", first.HeaderText("x-origin"));
        Assert.Equal(InvalidEvent.InvalidJson, first.HeaderText(MessageHeaders.DeadLetterReason));
        Assert.Equal(SignupTopics.UserSignups, first.HeaderText(MessageHeaders.DeadLetterSourceTopic));
        Assert.Equal(notJson.Partition.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), first.HeaderText(MessageHeaders.DeadLetterSourcePartition));
        Assert.Equal(notJson.Offset.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), first.HeaderText(MessageHeaders.DeadLetterSourceOffset));
        var second = Assert.Single(letters, m => Encoding.UTF8.GetString(m.Message.Key) == "poison-2");
        Assert.Equal(InvalidEvent.InvalidEventShape, second.HeaderText(MessageHeaders.DeadLetterReason));
        Assert.Equal(missingFields.Offset.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), second.HeaderText(MessageHeaders.DeadLetterSourceOffset));
        Assert.False(string.IsNullOrEmpty(second.HeaderText(MessageHeaders.DeadLetterError)));
    }
}
