using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Signups.IntegrationTests.Infrastructure;

namespace Signups.IntegrationTests.Producer;

public sealed class SignupBatchTests
{
    private static readonly object[] Signups =
    [
        new { email = "ada@example.com", name = "Ada" },
        new { email = "not-an-email", name = "Bob" },
        new { email = "cy@example.com", name = "Cy" },
        42,
        new { email = "di@example.com", name = "Di" },
    ];

    [Fact]
    public async Task EachItemIsAnsweredInOrderAndOnlyTheValidOnesArePublished()
    {
        await using var graph = await TestGraph.StartProducerOnlyAsync();
        using var http = new HttpClient { BaseAddress = graph.Producer };

        using var response = await http.PostAsJsonAsync("/signups/batch", new { signups = Signups }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var results = answer.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2, 3, 4], results.Select(r => r.GetProperty("index").GetInt32()));
        Assert.Equal([202, 400, 202, 400, 202], results.Select(r => r.GetProperty("status").GetInt32()));
        Assert.True(results[1].GetProperty("errors").TryGetProperty("email", out _));
        Assert.Equal(3, answer.RootElement.GetProperty("accepted").GetInt32());
        using var topic = new TopicProbe(graph.BootstrapServers, graph.Options.Topic);
        Assert.Equal(3, topic.Count());
    }

    [Fact]
    public async Task ARepeatedBatchWithItsIdempotencyKeyPublishesNothingNew()
    {
        await using var graph = await TestGraph.StartProducerOnlyAsync();
        using var http = new HttpClient { BaseAddress = graph.Producer };

        var first = await PostAsync(http, "batch-1");
        var again = await PostAsync(http, "batch-1");

        Assert.Equal(first, again);
        using var topic = new TopicProbe(graph.BootstrapServers, graph.Options.Topic);
        Assert.Equal(3, topic.Count());
    }

    private static async Task<string> PostAsync(HttpClient http, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/signups/batch") { Content = JsonContent.Create(new { signups = Signups }) };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }
}
