using System.Net.Http.Json;
namespace Signups.DevBroker.Contracts;

/// <summary>The dev broker's control API: its address, topics, and fault injection for tests.</summary>
public sealed class DevBrokerClient(Uri baseAddress)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>The control API's address.</summary>
    public Uri BaseAddress { get; } = baseAddress;

    /// <summary>Brokers, topics and the bootstrap address.</summary>
    public async Task<ClusterDescription> DescribeAsync(CancellationToken cancellationToken = default) =>
        await Http.GetFromJsonAsync<ClusterDescription>(new Uri(BaseAddress, "cluster"), cancellationToken)
        ?? throw new InvalidOperationException("The dev broker returned no cluster description.");

    /// <summary>Creates a topic (tests use one of their own each).</summary>
    public Task CreateTopicAsync(string name, int partitions, CancellationToken cancellationToken = default) =>
        PostAsync("topics", new TopicDescription(name, partitions), cancellationToken);

    /// <summary>Disconnects broker <paramref name="brokerId"/> (-1: all) and refuses new connections, without moving leaders.</summary>
    public Task SetBrokerDownAsync(int brokerId, CancellationToken cancellationToken = default) =>
        PostAsync($"brokers/{brokerId}/down", null, cancellationToken);

    /// <summary>Lets broker <paramref name="brokerId"/> (-1: all) accept connections again.</summary>
    public Task SetBrokerUpAsync(int brokerId, CancellationToken cancellationToken = default) =>
        PostAsync($"brokers/{brokerId}/up", null, cancellationToken);

    /// <summary>Delays every response of broker <paramref name="brokerId"/> (-1: all) by <paramref name="milliseconds"/>.</summary>
    public Task SetRoundTripTimeAsync(int brokerId, int milliseconds, CancellationToken cancellationToken = default) =>
        PostAsync($"brokers/{brokerId}/rtt", new RoundTripTimeRequest(milliseconds), cancellationToken);

    /// <summary>Makes the next requests of type <paramref name="apiKey"/> fail, one per error, in order.</summary>
    public Task PushRequestErrorsAsync(KafkaApiKey apiKey, IReadOnlyList<string> errors, CancellationToken cancellationToken = default) =>
        PostAsync("errors", new RequestErrorsRequest(apiKey, errors), cancellationToken);

    /// <summary>Moves the leader of a partition to another broker.</summary>
    public Task SetPartitionLeaderAsync(string topic, int partition, int brokerId, CancellationToken cancellationToken = default) =>
        PostAsync($"partitions/{Uri.EscapeDataString(topic)}/{partition}/leader/{brokerId}", null, cancellationToken);

    private async Task PostAsync(string path, object? body, CancellationToken cancellationToken)
    {
        using var response = body is null
            ? await Http.PostAsync(new Uri(BaseAddress, path), null, cancellationToken)
            : await Http.PostAsJsonAsync(new Uri(BaseAddress, path), body, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"The dev broker refused POST /{path}: {(int)response.StatusCode} {problem}");
        }
    }
}
