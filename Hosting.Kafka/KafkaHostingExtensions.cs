using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Signups.Hosting.Kafka;

namespace Aspire.Hosting;

/// <summary>
/// <c>builder.AddKafka("kafka")</c>, shaped like Aspire.Hosting.Kafka's, so that the real package is a one-line change
/// away once it can run here (it needs a container engine).
/// </summary>
public static class KafkaHostingExtensions
{
    private const string ContainerImage = "confluentinc/confluent-local";
    private const string ContainerTag = "8.2.0";

    /// <summary>
    /// A Kafka resource named <paramref name="name"/> whose connection string (<c>ConnectionStrings__{name}</c> through
    /// <c>WithReference</c>) is its bootstrap address. When the configuration holds <c>ConnectionStrings:{name}</c>,
    /// that Kafka is used and nothing runs; when publishing, the connection string is a secret parameter of the
    /// deployment; otherwise <paramref name="runtime"/> says what runs.
    /// </summary>
    /// <param name="builder">The app model.</param>
    /// <param name="name">The resource name, also the connection string's.</param>
    /// <param name="port">The host port clients bootstrap through; null for one Aspire chooses.</param>
    /// <param name="runtime">The DevBroker (default) or a Kafka container.</param>
    public static IResourceBuilder<IResourceWithConnectionString> AddKafka(
        this IDistributedApplicationBuilder builder, [ResourceName] string name, int? port = null, KafkaRuntime runtime = KafkaRuntime.DevBroker)
    {
        ArgumentNullException.ThrowIfNull(builder);
        IResourceBuilder<IResourceWithConnectionString> kafka;
        if (builder.ExecutionContext.IsPublishMode)
        {
            kafka = builder.AddConnectionString(name);
        }
        else if (builder.Configuration.GetConnectionString(name) is { Length: > 0 } existing)
        {
            kafka = builder.AddConnectionString(name, ReferenceExpression.Create($"{existing}"));
            return kafka.WithKafkaCluster(createTopics: true);
        }
        else if (runtime == KafkaRuntime.Container)
        {
            kafka = builder.AddKafkaContainer(name, port);
            return kafka.WithKafkaCluster(createTopics: true);
        }
        else
        {
            kafka = builder.AddDevBroker(name, port);
            return kafka.WithKafkaCluster(createTopics: false);
        }

        return kafka.WithAnnotation(new KafkaClusterAnnotation());
    }

    /// <summary>Topics the cluster must have at start; created with <paramref name="partitions"/> partitions when missing.</summary>
    public static IResourceBuilder<IResourceWithConnectionString> WithTopics(
        this IResourceBuilder<IResourceWithConnectionString> builder, int partitions, params string[] topics)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        var cluster = builder.Cluster();
        cluster.Partitions = partitions;
        cluster.Topics.AddRange(topics.Except(cluster.Topics));
        return builder;
    }

    /// <summary>Brokers of the dev cluster (1 by default); a real Kafka or the container ignores it.</summary>
    public static IResourceBuilder<IResourceWithConnectionString> WithBrokers(this IResourceBuilder<IResourceWithConnectionString> builder, int brokers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokers, 1);
        builder.Cluster().Brokers = brokers;
        return builder;
    }

    private static KafkaClusterAnnotation Cluster(this IResourceBuilder<IResourceWithConnectionString> builder) =>
        builder.Resource.Annotations.OfType<KafkaClusterAnnotation>().Single();

    private static IResourceBuilder<IResourceWithConnectionString> AddDevBroker(this IDistributedApplicationBuilder builder, string name, int? port)
    {
        var resource = new KafkaDevBrokerResource(name);
        var broker = builder.AddResource(resource)
            .WithAnnotation<IProjectMetadata>(new DevBrokerProject())
            .WithProjectDefaults(new ProjectResourceOptions { ExcludeLaunchProfile = true })
            .WithHttpEndpoint(name: "http")
            .WithEndpoint(port: port, name: KafkaDevBrokerResource.BootstrapEndpointName, scheme: "tcp", env: "DevBroker__BootstrapPort")
            .WithEnvironment(context =>
            {
                var cluster = resource.Annotations.OfType<KafkaClusterAnnotation>().Single();
                context.EnvironmentVariables["DevBroker__Brokers"] = cluster.Brokers.ToString(CultureInfo.InvariantCulture);
                context.EnvironmentVariables["DevBroker__Partitions"] = cluster.Partitions.ToString(CultureInfo.InvariantCulture);
                for (var i = 0; i < cluster.Topics.Count; i++)
                {
                    context.EnvironmentVariables[$"DevBroker__Topics__{i}"] = cluster.Topics[i];
                }
            })
            .WithDevBrokerCommands();
        DevBrokerClientSettings.ApplyToReferencingResources(builder, broker.Resource);
        return broker;
    }

    private static IResourceBuilder<IResourceWithConnectionString> AddKafkaContainer(this IDistributedApplicationBuilder builder, string name, int? port)
    {
        var kafka = new KafkaContainerResource(name);
        return builder.AddResource(kafka)
            .WithEndpoint(targetPort: 9092, port: port, name: KafkaContainerResource.PrimaryEndpointName)
            .WithEndpoint(targetPort: 9093, name: KafkaContainerResource.InternalEndpointName)
            .WithImage(ContainerImage, ContainerTag)
            .WithImageRegistry("docker.io")
            .WithEnvironment(context =>
            {
                context.EnvironmentVariables["KAFKA_LISTENERS"] =
                    "PLAINTEXT://localhost:29092,CONTROLLER://localhost:29093,PLAINTEXT_HOST://0.0.0.0:9092,PLAINTEXT_INTERNAL://0.0.0.0:9093";
                context.EnvironmentVariables["KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"] =
                    "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,PLAINTEXT_HOST:PLAINTEXT,PLAINTEXT_INTERNAL:PLAINTEXT";
                context.EnvironmentVariables["KAFKA_ADVERTISED_LISTENERS"] = ReferenceExpression.Create(
                    $"PLAINTEXT://localhost:29092,PLAINTEXT_HOST://localhost:{kafka.PrimaryEndpoint.Property(EndpointProperty.Port)},PLAINTEXT_INTERNAL://{name}:{kafka.InternalEndpoint.Property(EndpointProperty.TargetPort)}");
            });
    }

    // One health check per cluster, named as Aspire names its own ("{name}_check"), shown by the dashboard.
    private static IResourceBuilder<IResourceWithConnectionString> WithKafkaCluster(this IResourceBuilder<IResourceWithConnectionString> kafka, bool createTopics)
    {
        var cluster = new KafkaClusterAnnotation();
        var key = $"{kafka.Resource.Name}_check";
        kafka.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            key, _ => new KafkaClusterHealthCheck(kafka.Resource, cluster, createTopics), failureStatus: null, tags: null));
        return kafka.WithAnnotation(cluster).WithHealthCheck(key);
    }
}
