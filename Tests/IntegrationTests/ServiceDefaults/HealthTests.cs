using Signups.IntegrationTests.Infrastructure;

namespace Signups.IntegrationTests.ServiceDefaults;

public sealed class HealthTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task HealthTurnsUnhealthyWhenTheBrokerIsDownWhileAliveAnswersAndHealthyWhenItIsBack()
    {
        await using var graph = await TestGraph.StartAsync();
        var services = new[] { "producer", "stream-worker", "batch-worker" }.Select(graph.EndpointOf).ToList();
        Assert.True(await AllAsync(services, healthy: true), "every service is healthy before the fault");

        await graph.DevBroker.SetBrokerDownAsync(-1, TestContext.Current.CancellationToken);
        await Eventually.WaitAsync("every service reports unhealthy while the broker is down", _ => AllAsync(services, healthy: false), all => all, TimeSpan.FromSeconds(60));
        // Liveness is not readiness: a worker that cannot reach Kafka is not dead, and must not be restarted for it.
        using (var alive = await Http.GetAsync(new Uri(graph.EndpointOf("stream-worker"), "/alive"), TestContext.Current.CancellationToken))
        {
            Assert.True(alive.IsSuccessStatusCode);
        }

        await graph.DevBroker.SetBrokerUpAsync(-1, TestContext.Current.CancellationToken);
        await Eventually.WaitAsync("every service reports healthy once the broker is back", _ => AllAsync(services, healthy: true), all => all, TimeSpan.FromSeconds(60));
    }

    private static async Task<bool> AllAsync(IEnumerable<Uri> services, bool healthy)
    {
        foreach (var service in services)
        {
            using var response = await Http.GetAsync(new Uri(service, "/health"), TestContext.Current.CancellationToken);
            if (response.IsSuccessStatusCode != healthy)
            {
                return false;
            }
        }

        return true;
    }
}
