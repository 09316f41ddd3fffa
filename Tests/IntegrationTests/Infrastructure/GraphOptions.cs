using System.Globalization;
using Signups.AppHost;
using Signups.Messaging;

namespace Signups.IntegrationTests.Infrastructure;

/// <summary>How a test's graph differs from <c>dotnet run --project AppHost</c>: the AppHost's own settings, and environment per resource.</summary>
internal sealed class GraphOptions
{
    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "signups-tests", $"{DateTime.UtcNow:MMdd-HHmmss}-{Guid.NewGuid():N}"[..24]);

    public bool DemoLoad { get; set; }

    /// <summary>
    /// The workers to run (both by default). A worker's own tests publish straight to Kafka and run only that worker,
    /// without the producer: fewer processes on two cores.
    /// </summary>
    public string[] Workers { get; set; } = ["stream-worker", "batch-worker"];

    /// <summary>Run the producer (and with it the demo load, when asked for).</summary>
    public bool Producer { get; set; } = true;

    /// <summary>Only <paramref name="worker"/>, no producer.</summary>
    public GraphOptions Only(string worker)
    {
        Workers = [worker];
        Producer = false;
        return this;
    }

    /// <summary>Run the pipeline page (only its own tests need it).</summary>
    public bool PipelinePage { get; set; }

    public int DemoLoadRate { get; set; } = 100;

    /// <summary>
    /// How long the graph may take to start: every resource running, the producer and every replica healthy. A graph of
    /// many processes, started while other tests run on the two cores, needs more than the default.
    /// </summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(120);

    public int KafkaBrokers { get; set; } = 1;

    /// <summary>An existing Kafka: no dev broker runs.</summary>
    public string? KafkaConnectionString { get; set; }

    public int StreamWorkerReplicas { get; set; } = 1;

    public int BatchWorkerReplicas { get; set; } = 1;

    /// <summary>What holds the services' data (<c>--store</c>): SQLite files, or a PostgreSQL server the AppHost runs.</summary>
    public SignupStore Store { get; set; } = SignupStore.Sqlite;

    /// <summary>The topic signups travel on.</summary>
    public string Topic => SignupTopics.UserSignups;

    /// <summary>OTLP endpoint for every service, instead of the (disabled) dashboard's.</summary>
    public string? OtlpEndpoint { get; set; }

    public string? OtlpProtocol { get; set; }

    /// <summary>Extra environment variables per resource name (e.g. <c>BatchWorker__MaxBatchDelay</c> for <c>batch-worker</c>).</summary>
    public Dictionary<string, Dictionary<string, string>> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>The AppHost's command line for these options.</summary>
    public string[] Arguments()
    {
        List<string> arguments =
        [
            "--data-dir", DataPath,
            $"--no-load={!DemoLoad}",
            "--load-rate", Text(DemoLoadRate),
            "--producer-port", "0",
            "--kafka-brokers", Text(KafkaBrokers),
            "--stream-workers", Text(StreamWorkerReplicas),
            "--batch-workers", Text(BatchWorkerReplicas),
            "--store", Store == SignupStore.Postgres ? "postgres" : "sqlite",
            // A killed replica is started again after 250 ms (doubling per crash), not the 1 s a user gets: the SIGKILL tests kill six times.
            "--restart-delay-ms", "250",
        ];
        if (KafkaConnectionString is not null)
        {
            arguments.Add($"--ConnectionStrings:kafka={KafkaConnectionString}");
        }

        return [.. arguments];
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
