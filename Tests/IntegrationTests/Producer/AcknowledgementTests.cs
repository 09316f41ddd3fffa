using System.Net;
using Signups.IntegrationTests.Infrastructure;
using Signups.Messaging;

namespace Signups.IntegrationTests.Producer;

public sealed class AcknowledgementTests
{
    [Fact]
    public async Task ABrokerThatIsDownGets503WithRetryAfterAndTheKeyedRetryIsStoredExactlyOnce()
    {
        await using var graph = await TestGraph.StartAsync();
        using var client = new SignupsClient(graph.Producer);
        await graph.DevBroker.SetBrokerDownAsync(-1, TestContext.Current.CancellationToken);

        using (var refused = await client.PostAsync("ada@example.com", "Ada", "retry-me"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }

        await graph.DevBroker.SetBrokerUpAsync(-1, TestContext.Current.CancellationToken);
        var accepted = await Eventually.WaitAsync("the retry with the same Idempotency-Key is accepted once the broker is back",
            _ => client.SignUpAsync("ada@example.com", "Ada", "retry-me"), signup => signup is not null, TimeSpan.FromSeconds(60));

        await Eventually.WaitAsync("the signup is in every store exactly once, and nothing else is",
            _ => graph.Stores.CheckAsync([accepted!]), report => report.Holds, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task ALostAcknowledgementIsRetriedIntoTheSameEventAndStoredExactlyOnce()
    {
        await using var graph = await TestGraph.StartAsync(options =>
            options.Environment["producer"] = new() { ["Producer__DeliveryTimeout"] = "00:00:02" });
        using var client = new SignupsClient(graph.Producer);
        // One signup first, so that the Producer knows the topic's leaders: otherwise the late broker delays the
        // metadata request too, the event is never sent within the deadline, and no acknowledgement is lost.
        var warm = await client.SignUpAsync("warm@example.com", "Warm", "warm-up");
        Assert.NotNull(warm);

        // The broker stores the event but answers after the Producer's 2 s deadline: a 503 for a stored event.
        await graph.DevBroker.SetRoundTripTimeAsync(-1, 4000, TestContext.Current.CancellationToken);
        using (var late = await client.PostAsync("ada@example.com", "Ada", "lost-ack"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, late.StatusCode);
        }

        await graph.DevBroker.SetRoundTripTimeAsync(-1, 0, TestContext.Current.CancellationToken);
        var accepted = await Eventually.WaitAsync("the retry with the same Idempotency-Key is accepted",
            _ => client.SignUpAsync("ada@example.com", "Ada", "lost-ack"), signup => signup is not null, TimeSpan.FromSeconds(60));

        using var topic = new TopicProbe(graph.BootstrapServers, graph.Options.Topic);
        var copies = topic.ReadAll().Count(message => EventId(message.Message.Value) == accepted!.EventId);
        Assert.Equal(2, copies);
        await Eventually.WaitAsync("the twice-stored event is in every store exactly once",
            _ => graph.Stores.CheckAsync([warm, accepted!]), report => report.Holds, TimeSpan.FromSeconds(60));
    }

    private static Guid? EventId(byte[] value) =>
        UserSignedUpSerializer.TryDeserialize(value, default, out var signup, out _) ? signup.EventId : null;
}
