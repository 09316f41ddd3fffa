using System.Globalization;
using Signups.AppHost.Hosting;

namespace Signups.AppHost;

/// <summary>
/// The signup pipeline's app model: what an Aspire AppHost's Program.cs would declare.
/// Tests build the same graph with their own options (random ports, a temporary data directory).
/// </summary>
public static class SignupsAppHost
{
    /// <summary>Declares kafka → stores → workers → producer (→ demo load) and returns the app, not yet started.</summary>
    public static DistributedApplication Create(AppHostOptions options)
    {
        var builder = new DistributedApplicationBuilder(options);

        var kafka = builder.AddKafka("kafka");
        var usersDb = builder.AddSqlite("users-db", "users.db");
        var analyticsDb = builder.AddSqlite("analytics-db", "analytics.db");
        var idempotencyDb = builder.AddSqlite("idempotency-db", "idempotency.db");

        var streamWorker = builder.AddProject("stream-worker", ServiceAssemblies.StreamWorker)
            .WithReference(kafka)
            .WithReference(usersDb)
            .WithEnvironment("WelcomeEmail__PickupDirectory", Path.Combine(options.DataPath, "mail"))
            .WithReplicas(options.StreamWorkerReplicas)
            .WaitFor(kafka)
            .WaitFor(usersDb);

        var batchWorker = builder.AddProject("batch-worker", ServiceAssemblies.BatchWorker)
            .WithReference(kafka)
            .WithReference(analyticsDb)
            .WithReplicas(options.BatchWorkerReplicas)
            .WaitFor(kafka)
            .WaitFor(analyticsDb);

        if (kafka.Resource is DevBrokerResource)
        {
            var sessionTimeout = ((int)options.DevBrokerSessionTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            foreach (var worker in new[] { streamWorker, batchWorker })
            {
                worker.WithEnvironment("Aspire__Confluent__Kafka__Consumer__Config__SessionTimeoutMs", sessionTimeout)
                    .WithEnvironment("Aspire__Confluent__Kafka__Consumer__Config__HeartbeatIntervalMs", "1000");
            }
        }

        // The producer waits for the workers so that no event is published before someone consumes it,
        // and so that on stop it goes first and the workers drain what it published.
        var producer = AddProducer(builder, kafka, idempotencyDb)
            .WaitFor(streamWorker)
            .WaitFor(batchWorker);

        if (options.DemoLoad)
        {
            builder.AddProject("demo-load", ServiceAssemblies.Producer)
                .WithArgs("load", "--count", "0", "--rate", options.DemoLoadRate.ToString(CultureInfo.InvariantCulture))
                .WithReference(kafka)
                .WithoutHttpEndpoint()
                .AsJob()
                .WaitFor(producer);
        }

        return builder.Build();
    }

    /// <summary>
    /// Declares kafka → idempotency store → producer, without workers or demo load: for tests and benchmarks of the
    /// Producer alone, where workers would only take processor time and start-up time.
    /// </summary>
    public static DistributedApplication CreateProducerOnly(AppHostOptions options)
    {
        var builder = new DistributedApplicationBuilder(options);
        var kafka = builder.AddKafka("kafka");
        AddProducer(builder, kafka, builder.AddSqlite("idempotency-db", "idempotency.db"));
        return builder.Build();
    }

    private static IResourceBuilder<ProjectResource> AddProducer(
        DistributedApplicationBuilder builder,
        IResourceBuilder<IResourceWithConnectionString> kafka,
        IResourceBuilder<SqliteResource> idempotencyDb) =>
        builder.AddProject("producer", ServiceAssemblies.Producer)
            .WithReference(kafka)
            .WithReference(idempotencyDb)
            .WithHttpEndpoint(builder.Options.ProducerPort)
            .WaitFor(kafka)
            .WaitFor(idempotencyDb);
}
