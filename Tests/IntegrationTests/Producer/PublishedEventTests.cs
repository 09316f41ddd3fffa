using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Confluent.Kafka;
using Signups.IntegrationTests.Infrastructure;
using Signups.Messaging;

namespace Signups.IntegrationTests.Producer;

public sealed class PublishedEventTests
{
    [Fact]
    public async Task AnAcceptedSignupIsOneEventKeyedByUserWithTypeSchemaVersionAndTheRequestsTrace()
    {
        await using var graph = await TestGraph.StartProducerOnlyAsync();
        using var http = new HttpClient { BaseAddress = graph.Producer };
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/signups") { Content = JsonContent.Create(new { email = "ada@example.com", name = "Ada Lovelace" }) };
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var accepted = await response.Content.ReadFromJsonAsync<AcceptedSignup>(TestContext.Current.CancellationToken);

        using var topic = new TopicProbe(graph.BootstrapServers, graph.Options.Topic);
        var message = Assert.Single(topic.ReadAll()).Message;
        Assert.Equal(accepted!.UserId.ToString(), Encoding.UTF8.GetString(message.Key));
        Assert.True(UserSignedUpSerializer.TryDeserialize(message.Value, Header(message, MessageHeaders.SchemaVersion), out var signup, out var problem), problem?.Message);
        Assert.Equal((accepted.EventId, accepted.UserId, "ada@example.com", "Ada Lovelace"), (signup.EventId, signup.UserId, signup.Email, signup.Name));
        Assert.Equal("UserSignedUp", Encoding.UTF8.GetString(Header(message, MessageHeaders.EventType)));
        Assert.Equal("1", Encoding.UTF8.GetString(Header(message, MessageHeaders.SchemaVersion)));
        Assert.StartsWith($"00-{trace}-", Encoding.UTF8.GetString(Header(message, MessageHeaders.TraceParent)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryEventLandsOnTheMurmur2PartitionOfItsUserIdAsAJavaClientWouldPutIt()
    {
        await using var graph = await TestGraph.StartProducerOnlyAsync();
        using var client = new SignupsClient(graph.Producer);
        var accepted = await client.SignUpManyAsync(60);

        using var topic = new TopicProbe(graph.BootstrapServers, graph.Options.Topic);
        var partitions = topic.Partitions().Count;
        var messages = topic.ReadAll();

        Assert.Equal(accepted.Select(a => a.UserId.ToString()).Order(), messages.Select(m => Encoding.UTF8.GetString(m.Message.Key)).Order());
        Assert.All(messages, m => Assert.Equal(KafkaMurmur2.Partition(m.Message.Key, partitions), m.Partition.Value));
        Assert.True(messages.Select(m => m.Partition.Value).Distinct().Count() > 1, "60 users should spread over several partitions");
    }

    [Theory]
    [InlineData("21", -973932308)]
    [InlineData("foobar", -790332482)]
    [InlineData("a-little-bit-long-string", -985981536)]
    [InlineData("a-little-bit-longer-string", -1486304829)]
    [InlineData("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58897971)]
    [InlineData("abc", 479470107)]
    public void TheReferenceMurmur2MatchesKafkasOwnTestVectors(string key, int hash) =>
        Assert.Equal(hash, KafkaMurmur2.Hash(Encoding.ASCII.GetBytes(key)));

    private static byte[] Header(Message<byte[], byte[]> message, string name) =>
        message.Headers.TryGetLastBytes(name, out var value) ? value : [];
}
