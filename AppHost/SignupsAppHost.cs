using System.Globalization;
using Signups.AppHost.Hosting;
using Signups.AppHost.Pipeline;
using Signups.Messaging;

namespace Signups.AppHost;

/// <summary>
/// The signup pipeline's app model: what an Aspire AppHost's Program.cs would declare.
/// Tests build the same graph with their own options (random ports, a temporary data directory).
/// </summary>
public static class SignupsAppHost
{
    private const string Kafka = "kafka";
    private const string Producer = "producer";
    // Resource names, and also the workers' default consumer groups (StreamWorkerExtensions/BatchWorkerExtensions.ConsumerGroup).
    private const string StreamWorker = "stream-worker";
    private const string BatchWorker = "batch-worker";

    /// <summary>Declares kafka → stores → workers → producer (→ demo load) and returns the app, not yet started.</summary>
    public static DistributedApplication Create(AppHostOptions options)
    {
        var builder = new DistributedApplicationBuilder(options);

        var kafka = builder.AddKafka(Kafka);
        var usersDb = builder.AddSqlite("users-db", "users.db");
        var analyticsDb = builder.AddSqlite("analytics-db", "analytics.db");
        var idempotencyDb = builder.AddSqlite("idempotency-db", "idempotency.db");

        var streamWorker = builder.AddProject(StreamWorker, ServiceAssemblies.StreamWorker)
            .WithReference(kafka)
            .WithReference(usersDb)
            .WithEnvironment("WelcomeEmail__PickupDirectory", Path.Combine(options.DataPath, "mail"))
            .WithWorkerGarbageCollection()
            .WithReplicas(options.StreamWorkerReplicas)
            .WaitFor(kafka)
            .WaitFor(usersDb);

        var batchWorker = builder.AddProject(BatchWorker, ServiceAssemblies.BatchWorker)
            .WithReference(kafka)
            .WithReference(analyticsDb)
            .WithWorkerGarbageCollection()
            .WithReplicas(options.BatchWorkerReplicas)
            .WaitFor(kafka)
            .WaitFor(analyticsDb);

        if (kafka.Resource is DevBrokerResource)
        {
            streamWorker.WithDevBrokerConsumerSettings(options.DevBrokerSessionTimeout);
            batchWorker.WithDevBrokerConsumerSettings(options.DevBrokerSessionTimeout);
        }

        // On stop the producer goes first; each worker then fetches what is left on the topic before it is
        // signalled, and drains it, so that the stores are complete when the graph is down.
        var pipeline = Pipeline(options);
        var catchUp = new PipelineCatchUp(pipeline, options.StopCatchUpLimit);
        foreach (var consumer in pipeline.Consumers)
        {
            var worker = consumer.Resource == StreamWorker ? streamWorker : batchWorker;
            worker.WithBeforeOrderedStop(app => catchUp.WaitAsync(app, consumer));
        }

        // The producer waits for the workers so that no event is published before someone consumes it.
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

    /// <summary>The pipeline the dashboard draws and the status line sums up: producer → topic → both workers' groups.</summary>
    public static PipelineShape Pipeline(AppHostOptions options) => new(
        Kafka, Producer, options.Topic, options.Topic + SignupTopics.DeadLetterSuffix,
        [new PipelineConsumer(StreamWorker, StreamWorker), new PipelineConsumer(BatchWorker, BatchWorker)]);

    /// <summary>
    /// Declares kafka → idempotency store → producer, without workers or demo load: for tests and benchmarks of the
    /// Producer alone, where workers would only take processor time and start-up time.
    /// </summary>
    public static DistributedApplication CreateProducerOnly(AppHostOptions options)
    {
        var builder = new DistributedApplicationBuilder(options);
        var kafka = builder.AddKafka(Kafka);
        AddProducer(builder, kafka, builder.AddSqlite("idempotency-db", "idempotency.db"));
        return builder.Build();
    }

    private static IResourceBuilder<ProjectResource> AddProducer(
        DistributedApplicationBuilder builder,
        IResourceBuilder<IResourceWithConnectionString> kafka,
        IResourceBuilder<SqliteResource> idempotencyDb) =>
        builder.AddProject(Producer, ServiceAssemblies.Producer)
            .WithReference(kafka)
            .WithReference(idempotencyDb)
            .WithHttpEndpoint(builder.Options.ProducerPort)
            .WaitFor(kafka)
            .WaitFor(idempotencyDb);
}
