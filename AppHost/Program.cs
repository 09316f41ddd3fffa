using System.Globalization;
using Signups.AppHost;
using Signups.AppHost.Lifecycle;
using Signups.AppHost.Postgres;
using Signups.Messaging;

var builder = DistributedApplication.CreateBuilder(AppHostArguments.Normalize(args));
if (AppHostPreflight.Check(builder, out var exitCode) is not { } settings)
{
    return exitCode;
}

var kafka = builder.AddKafka("kafka", runtime: settings.Kafka)
    .WithTopics(settings.KafkaPartitions, SignupTopics.UserSignups, SignupTopics.UserSignupsDeadLetters)
    .WithBrokers(settings.KafkaBrokers);
var kafkaSasl = builder.AddKafkaSaslParameters();

var databases = builder.AddSignupDatabases(settings);

var streamWorker = builder.AddProject<Projects.Signups_StreamWorker>("stream-worker")
    .AsSignupWorker(kafka, SignupConsumerGroups.StreamWorker, settings.StreamWorkers, settings.RestartDelay)
    .WithKafkaSasl(kafkaSasl)
    .WithDatabase(databases.Users)
    .WithWelcomeEmail(settings.MailDirectory);

var batchWorker = builder.AddProject<Projects.Signups_BatchWorker>("batch-worker")
    .AsSignupWorker(kafka, SignupConsumerGroups.BatchWorker, settings.BatchWorkers, settings.RestartDelay)
    .WithKafkaSasl(kafkaSasl)
    .WithDatabase(databases.Analytics)
    .WithRuntimeSettings(WorkerRuntimeSettings.BatchWorker);

// Nothing is published before both groups consume.
var producer = builder.AddProject<Projects.Signups_Producer>("producer")
    .WithReference(kafka)
    .WithKafkaSasl(kafkaSasl)
    .WithDatabase(databases.Idempotency)
    .WithHttpEndpoint(port: settings.ProducerPort, name: "http")
    .WithExternalHttpEndpoints()
    .WithServiceHealthCheck()
    .WithRestartOnCrash(settings.RestartDelay)
    .WithSignupBurstCommand()
    .WaitFor(kafka)
    .WaitFor(streamWorker)
    .WaitFor(batchWorker);

if (settings.DemoLoad)
{
    builder.AddProject<Projects.Signups_Producer>("demo-load")
        .WithArgs("load", "--count", "0", "--rate", settings.LoadRate.ToString(CultureInfo.InvariantCulture))
        .WithReference(kafka)
        .WaitFor(producer)
        .ExcludeFromManifest();
}

builder.AddProject<Projects.Signups_PipelinePage>("pipeline")
    .WithReference(kafka)
    .WithReference(streamWorker.GetEndpoint("http"))
    .WithReference(batchWorker.GetEndpoint("http"))
    .WithEnvironment("Pipeline__Consumers__0__Resource", "stream-worker")
    .WithEnvironment("Pipeline__Consumers__0__Group", SignupConsumerGroups.StreamWorker)
    .WithEnvironment("Pipeline__Consumers__1__Resource", "batch-worker")
    .WithEnvironment("Pipeline__Consumers__1__Group", SignupConsumerGroups.BatchWorker)
    .WithHttpEndpoint(name: "http")
    .WithServiceHealthCheck()
    .WithUrlForEndpoint("http", url => url.DisplayText = "Pipeline page")
    .WaitFor(kafka)
    .ExcludeFromManifest();

builder.AddGraphLifecycle();
await builder.Build().RunAsync();
return Environment.ExitCode;
