using Signups.Messaging;

namespace Signups.AppHost;

/// <summary>How the AppHost runs the graph. The command line sets these; tests set them in code.</summary>
public sealed class AppHostOptions
{
    /// <summary>Where stores and mail go (<c>--data-dir</c>); relative paths are from the working directory.</summary>
    public string DataDirectory { get; set; } = ".data";

    /// <summary>Run the demo load against the Producer (<c>--no-load</c> turns it off).</summary>
    public bool DemoLoad { get; set; } = true;

    /// <summary>Signups per second of the demo load.</summary>
    public int DemoLoadRate { get; set; } = 100;

    /// <summary>Partitions of the app's topics (<c>--kafka-partitions</c>).</summary>
    public int KafkaPartitions { get; set; } = 12;

    /// <summary>Brokers of the dev cluster (<c>--kafka-brokers</c>).</summary>
    public int KafkaBrokers { get; set; } = 1;

    /// <summary>An existing Kafka (<c>ConnectionStrings__kafka</c>); when set no dev broker starts.</summary>
    public string? KafkaConnectionString { get; set; }

    /// <summary>The topic signups travel on; its dead-letter topic is this plus <c>.dlq</c>.</summary>
    public string Topic { get; set; } = SignupTopics.UserSignups;

    /// <summary>The Producer's port; 0 picks a free one.</summary>
    public int ProducerPort { get; set; } = 5080;

    /// <summary>The dashboard's port; 0 picks a free one, -1 turns the dashboard off.</summary>
    public int DashboardPort { get; set; } = 18888;

    /// <summary>Restart a service that dies (<c>--no-restart</c> turns it off).</summary>
    public bool RestartOnFailure { get; set; } = true;

    /// <summary>First delay before a restart; doubles for each quick failure, up to 30 s.</summary>
    public TimeSpan RestartDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a service may drain after SIGTERM before SIGKILL (<c>--grace</c>).</summary>
    public TimeSpan StopGracePeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// On stop, how long a worker may take, after the producer has exited, to fetch what is left on the topic before
    /// it is signalled; so that the stop leaves the stores complete. Zero signals at once.
    /// </summary>
    public TimeSpan StopCatchUpLimit { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the whole graph may take to become healthy.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>StreamWorker processes (<c>--stream-workers</c>).</summary>
    public int StreamWorkerReplicas { get; set; } = 1;

    /// <summary>BatchWorker processes (<c>--batch-workers</c>).</summary>
    public int BatchWorkerReplicas { get; set; } = 1;

    /// <summary>
    /// Consumer session timeout given to workers on the dev broker. Its coordinator ends each rebalance round
    /// only when the session timeout minus 1 s has passed, so Kafka's 45 s default would make every rebalance
    /// take most of a minute.
    /// </summary>
    public TimeSpan DevBrokerSessionTimeout { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>OTLP endpoint handed to every service; defaults to the AppHost's own <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public string? OtlpEndpoint { get; set; } = System.Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT");

    /// <summary>OTLP protocol handed with the endpoint (<c>grpc</c> or <c>http/protobuf</c>); defaults to the AppHost's own <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>.</summary>
    public string? OtlpProtocol { get; set; } = System.Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_PROTOCOL");

    /// <summary>Write every service's output to the console (tests keep it in memory).</summary>
    public bool EchoOutput { get; set; } = true;

    /// <summary>Extra environment variables per resource name (e.g. <c>BatchWorker__MaxBatchDelay</c> for <c>batch-worker</c>).</summary>
    public Dictionary<string, Dictionary<string, string>> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>The data directory as an absolute path.</summary>
    public string DataPath => Path.GetFullPath(DataDirectory);
}
