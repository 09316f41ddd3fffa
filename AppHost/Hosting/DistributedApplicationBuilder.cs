using System.Globalization;
using Signups.Messaging;

namespace Signups.AppHost.Hosting;

/// <summary>Declares the resources of the app, as Aspire's builder of the same name does.</summary>
public sealed class DistributedApplicationBuilder(AppHostOptions options)
{
    private readonly List<Resource> _resources = [];

    public AppHostOptions Options { get; } = options;

    public AppHostConsole Console { get; } = new(options.EchoOutput);

    /// <summary>
    /// The Kafka resource: the dev broker (librdkafka's mock cluster in its own process), or the Kafka named by
    /// <see cref="AppHostOptions.KafkaConnectionString"/>. Either way the app's topics exist once it is ready.
    /// </summary>
    public IResourceBuilder<IResourceWithConnectionString> AddKafka(string name)
    {
        string[] topics = [Options.Topic, Options.Topic + SignupTopics.DeadLetterSuffix];
        if (Options.KafkaConnectionString is { Length: > 0 } connectionString)
        {
            return Add(new ExternalKafkaResource(name, connectionString, topics, Options.KafkaPartitions, Console));
        }

        var broker = Add(new DevBrokerResource(name, ServiceAssemblies.DevBroker, Console));
        var project = new ResourceBuilder<DevBrokerResource>(broker.Resource, this)
            .WithEnvironment("DevBroker__Brokers", Options.KafkaBrokers.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("DevBroker__Partitions", Options.KafkaPartitions.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < topics.Length; i++)
        {
            project.WithEnvironment($"DevBroker__Topics__{i}", topics[i]);
        }

        return broker;
    }

    /// <summary>A SQLite database file under the data directory.</summary>
    public IResourceBuilder<SqliteResource> AddSqlite(string name, string fileName) =>
        Add(new SqliteResource(name, Path.Combine(Options.DataPath, fileName), Console));

    /// <summary>A .NET service run from its build output.</summary>
    public IResourceBuilder<ProjectResource> AddProject(string name, string assemblyPath)
    {
        var project = Add(new ProjectResource(name, assemblyPath, Console))
            .WithRestart(Options.RestartOnFailure, Options.RestartDelay)
            .WithEnvironment("DOTNET_ENVIRONMENT", "Development")
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development");
        if (!string.IsNullOrWhiteSpace(Options.OtlpEndpoint))
        {
            project.WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", Options.OtlpEndpoint);
            if (!string.IsNullOrWhiteSpace(Options.OtlpProtocol))
            {
                project.WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", Options.OtlpProtocol);
            }
        }

        if (Options.Topic != SignupTopics.UserSignups)
        {
            project.WithEnvironment("Messaging__Topic", Options.Topic);
        }

        if (Options.Environment.TryGetValue(name, out var variables))
        {
            project.WithEnvironment(variables);
        }

        return project;
    }

    /// <summary>The app, ready to start.</summary>
    public DistributedApplication Build() => new(Options, Console, _resources);

    private ResourceBuilder<T> Add<T>(T resource)
        where T : Resource
    {
        if (_resources.Any(r => r.Name == resource.Name))
        {
            throw new AppHostException($"There is already a resource named {resource.Name}.");
        }

        _resources.Add(resource);
        return new ResourceBuilder<T>(resource, this);
    }
}
