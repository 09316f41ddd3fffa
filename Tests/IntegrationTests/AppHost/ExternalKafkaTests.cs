using Signups.AppHost.Hosting;
using Signups.IntegrationTests.Infrastructure;

namespace Signups.IntegrationTests.AppHost;

public sealed class ExternalKafkaTests
{
    [Fact]
    public async Task WithAConnectionStringTheAppHostStartsNoBrokerAndUsesThatKafka()
    {
        // An "existing" Kafka: a dev broker started on its own through the AppHost library.
        var brokerOptions = TestGraph.DefaultOptions();
        var builder = new DistributedApplicationBuilder(brokerOptions);
        builder.AddKafka("kafka");
        await using var existingKafka = builder.Build();
        await existingKafka.StartAsync(TestContext.Current.CancellationToken);
        var bootstrap = existingKafka.GetConnectionString("kafka");

        await using var graph = await TestGraph.StartAsync(options => options.KafkaConnectionString = bootstrap);

        Assert.IsType<ExternalKafkaResource>(graph.App.GetResource("kafka"));
        Assert.DoesNotContain(graph.App.Resources, r => r is DevBrokerResource);
        Assert.Equal(bootstrap, graph.BootstrapServers);
        using var client = new SignupsClient(graph.Producer);
        var accepted = await client.SignUpManyAsync(10);
        Assert.Equal(10, accepted.Count);
        await Eventually.WaitAsync("the signups reach every store through the external Kafka",
            _ => graph.Stores.CheckAsync(accepted), report => report.Holds, TimeSpan.FromSeconds(30));
    }
}
