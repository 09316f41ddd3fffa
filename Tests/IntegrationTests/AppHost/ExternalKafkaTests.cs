using Microsoft.Extensions.DependencyInjection;
using Signups.AppHost;
using Signups.IntegrationTests.Infrastructure;

namespace Signups.IntegrationTests.AppHost;

public sealed class ExternalKafkaTests
{
    [Fact]
    public async Task WithAConnectionStringTheAppHostStartsNoBrokerAndUsesThatKafka()
    {
        // An "existing" Kafka: a DevBroker started on its own, as any Kafka outside the AppHost would be.
        var port = FreePort.Next();
        await using var existing = StartedProcess.Start(ServiceAssemblies.DevBroker, new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["DevBroker__BootstrapPort"] = $"{port}",
        });
        var bootstrap = $"127.0.0.1:{port}";
        await Eventually.WaitAsync("the external broker listens", () => existing.Output.Contains("relays to the mock brokers", StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        await using var graph = await TestGraph.StartAsync(options => options.KafkaConnectionString = bootstrap);

        var kafka = Assert.Single(graph.App.Services.GetRequiredService<DistributedApplicationModel>().Resources, r => r.Name == "kafka");
        Assert.IsType<ConnectionStringResource>(kafka);
        Assert.DoesNotContain(graph.App.Services.GetRequiredService<DistributedApplicationModel>().Resources, r => r is KafkaDevBrokerResource);
        Assert.Equal(bootstrap, graph.BootstrapServers);
        using var client = new SignupsClient(graph.Producer);
        var accepted = await client.SignUpManyAsync(10);
        Assert.Equal(10, accepted.Count);
        await Eventually.WaitAsync("the signups reach every store through the external Kafka",
            _ => graph.Stores.CheckAsync(accepted), report => report.Holds, TimeSpan.FromSeconds(30));
    }
}
