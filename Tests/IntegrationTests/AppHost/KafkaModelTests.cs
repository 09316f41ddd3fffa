namespace Signups.IntegrationTests.AppHost;

/// <summary>
/// The <c>kafka</c> resource as the AppHost models it, built without starting anything: what a container engine or
/// a deployment would be given (no engine runs here, and nothing is deployed from here).
/// </summary>
public sealed class KafkaModelTests
{
    [Fact]
    public async Task WithKafkaContainerItIsTheConfluentImageWithKraftListenersAndAHealthCheck()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Signups_AppHost>(
            ["--kafka", "container", "--no-load=true", "--data-dir", Path.GetTempPath()], TestContext.Current.CancellationToken);

        var kafka = Assert.IsType<KafkaContainerResource>(Assert.Single(builder.Resources, r => r.Name == "kafka"));
        var image = Assert.Single(kafka.Annotations.OfType<ContainerImageAnnotation>());
        Assert.Equal(("docker.io", "confluentinc/confluent-local", "8.2.0"), (image.Registry, image.Image, image.Tag));
        var endpoints = kafka.Annotations.OfType<EndpointAnnotation>().ToDictionary(e => e.Name, e => e.TargetPort);
        Assert.Equal(9092, endpoints[KafkaContainerResource.PrimaryEndpointName]);
        Assert.Equal(9093, endpoints[KafkaContainerResource.InternalEndpointName]);
        Assert.Contains(kafka.Annotations.OfType<HealthCheckAnnotation>(), h => h.Key == "kafka_check");

        var environment = new Dictionary<string, object>();
        foreach (var callback in kafka.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), environment));
        }

        Assert.Equal("PLAINTEXT://localhost:29092,CONTROLLER://localhost:29093,PLAINTEXT_HOST://0.0.0.0:9092,PLAINTEXT_INTERNAL://0.0.0.0:9093", environment["KAFKA_LISTENERS"]);
        Assert.Contains("PLAINTEXT_HOST:PLAINTEXT", (string)environment["KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"], StringComparison.Ordinal);
        Assert.IsType<ReferenceExpression>(environment["KAFKA_ADVERTISED_LISTENERS"]);
        Assert.DoesNotContain(builder.Resources, r => r is KafkaDevBrokerResource);
    }

    [Fact]
    public async Task ByDefaultItIsTheDevBrokerWithTheAppsTopicsAndItsBootstrapOnAnAllocatedPort()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Signups_AppHost>(
            ["--no-load=true", "--kafka-partitions", "6", "--kafka-brokers", "3", "--data-dir", Path.GetTempPath()], TestContext.Current.CancellationToken);

        var kafka = Assert.IsType<KafkaDevBrokerResource>(Assert.Single(builder.Resources, r => r.Name == "kafka"));
        var bootstrap = Assert.Single(kafka.Annotations.OfType<EndpointAnnotation>(), e => e.Name == KafkaDevBrokerResource.BootstrapEndpointName);
        Assert.Null(bootstrap.Port);
        Assert.Equal("{kafka.bindings.tcp.host}:{kafka.bindings.tcp.port}", kafka.ConnectionStringExpression.ValueExpression);
        var environment = new Dictionary<string, object>();
        foreach (var callback in kafka.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), environment));
        }

        Assert.Equal("3", environment["DevBroker__Brokers"]);
        Assert.Equal("6", environment["DevBroker__Partitions"]);
        Assert.Equal(["user_signups", "user_signups.dlq"], [environment["DevBroker__Topics__0"], environment["DevBroker__Topics__1"]]);
    }
}
