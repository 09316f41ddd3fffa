using System.Net;
using System.Net.Http.Json;
using Signups.IntegrationTests.Infrastructure;

namespace Signups.IntegrationTests.Producer;

public sealed class IdempotencyKeyTests
{
    [Fact]
    public async Task ARepeatedKeyGetsTheFirstAnswerAndPublishesNothingNew()
    {
        await using var graph = await TestGraph.StartProducerOnlyAsync();
        using var client = new SignupsClient(graph.Producer);
        using var topic = new TopicProbe(graph.BootstrapServers, graph.Options.Topic);

        using var first = await client.PostAsync("ada@example.com", "Ada", "signup-1");
        using var again = await client.PostAsync("ada@example.com", "Ada", "signup-1");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(await Read(first), await Read(again));
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, topic.Count());
    }

    [Fact]
    public async Task ConcurrentRequestsWithOneKeyShareOneAnswerAndOneEvent()
    {
        await using var graph = await TestGraph.StartProducerOnlyAsync();
        using var client = new SignupsClient(graph.Producer);
        using var topic = new TopicProbe(graph.BootstrapServers, graph.Options.Topic);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.SignUpAsync("ada@example.com", "Ada", "same-key")));

        Assert.All(answers, Assert.NotNull);
        Assert.Single(answers.Distinct());
        Assert.Equal(1, topic.Count());
    }

    [Fact]
    public async Task TheSameKeyWithAnotherSignupIs422AndPublishesNothing()
    {
        await using var graph = await TestGraph.StartProducerOnlyAsync();
        using var client = new SignupsClient(graph.Producer);
        using var topic = new TopicProbe(graph.BootstrapServers, graph.Options.Topic);
        Assert.NotNull(await client.SignUpAsync("ada@example.com", "Ada", "key-a"));

        using var other = await client.PostAsync("bob@example.com", "Bob", "key-a");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, topic.Count());
    }

    [Fact]
    public async Task TheFirstAnswerSurvivesAProducerRestart()
    {
        await using var graph = await TestGraph.StartProducerOnlyAsync();
        AcceptedSignup? first;
        using (var client = new SignupsClient(graph.Producer))
        {
            first = await client.SignUpAsync("ada@example.com", "Ada", "durable-key");
        }

        await graph.Resource("producer").RestartAsync(TestContext.Current.CancellationToken);

        // A new process (and port): only the SQLite store remembers the key.
        using var restarted = new SignupsClient(graph.Producer);
        using var again = await restarted.PostAsync("ada@example.com", "Ada", "durable-key");
        using var topic = new TopicProbe(graph.BootstrapServers, graph.Options.Topic);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(first, await Read(again));
        Assert.Equal(1, topic.Count());
    }

    private static Task<AcceptedSignup?> Read(HttpResponseMessage response) =>
        response.Content.ReadFromJsonAsync<AcceptedSignup>(TestContext.Current.CancellationToken);
}
