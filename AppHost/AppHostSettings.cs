using System.Globalization;
using Microsoft.Extensions.Configuration;
using Signups.AppHost.Postgres;

namespace Signups.AppHost;

/// <summary>
/// What the command line (or configuration, or <c>SIGNUPS_…</c>-free environment such as <c>kafka-brokers=3</c>)
/// says about the graph. Read once at start; a bad value is one line naming the setting.
/// </summary>
internal sealed class AppHostSettings
{
    /// <summary>Where the SQLite stores and the mail pickup live (<c>--data-dir</c>).</summary>
    public required string DataPath { get; init; }

    /// <summary>Run the demo load (off with <c>--no-load</c>).</summary>
    public required bool DemoLoad { get; init; }

    /// <summary>Signups per second of the demo load (<c>--load-rate</c>).</summary>
    public required int LoadRate { get; init; }

    /// <summary>What runs Kafka when no <c>ConnectionStrings:kafka</c> is given (<c>--kafka devbroker|container</c>).</summary>
    public required KafkaRuntime Kafka { get; init; }

    /// <summary>Partitions of the app's topics (<c>--kafka-partitions</c>).</summary>
    public required int KafkaPartitions { get; init; }

    /// <summary>Brokers of the dev cluster (<c>--kafka-brokers</c>).</summary>
    public required int KafkaBrokers { get; init; }

    /// <summary>StreamWorker replicas (<c>--stream-workers</c>).</summary>
    public required int StreamWorkers { get; init; }

    /// <summary>BatchWorker replicas (<c>--batch-workers</c>).</summary>
    public required int BatchWorkers { get; init; }

    /// <summary>
    /// The Producer's port on the host; null for one Aspire chooses (<c>--producer-port 0</c>), and always null when
    /// publishing, where the platform's ingress puts the Producer on 443.
    /// </summary>
    public required int? ProducerPort { get; init; }

    /// <summary>First delay before a crashed replica is started again; doubles per crash within a minute (<c>--restart-delay-ms</c>).</summary>
    public required TimeSpan RestartDelay { get; init; }

    /// <summary>What holds the services' data (<c>--store sqlite|postgres</c>).</summary>
    public required SignupStore Store { get; init; }

    /// <summary>PostgreSQL's binaries, found at start when <see cref="Store"/> is PostgreSQL and the graph runs here (<c>--postgres-bin</c>).</summary>
    public PostgresInstallation? Postgres { get; init; }

    /// <summary>The mail pickup directory.</summary>
    public string MailDirectory => Path.Combine(DataPath, "mail");

    /// <summary>Reads and checks the settings; <see cref="ArgumentException"/> with one readable line when one is wrong.</summary>
    public static AppHostSettings Read(IConfiguration configuration, bool publishing)
    {
        var producerPort = Number(configuration, "producer-port", 5080, 0, 65535);
        var store = StoreOf(configuration);
        return new AppHostSettings
        {
            DataPath = Path.GetFullPath(configuration["data-dir"] is { Length: > 0 } dir ? dir : ".data"),
            DemoLoad = !Switch(configuration, "no-load"),
            LoadRate = Number(configuration, "load-rate", 100, 1, 100_000),
            Kafka = Runtime(configuration),
            KafkaPartitions = Number(configuration, "kafka-partitions", 12, 1, 1000),
            KafkaBrokers = Number(configuration, "kafka-brokers", 1, 1, 16),
            StreamWorkers = Number(configuration, "stream-workers", 1, 1, 64),
            BatchWorkers = Number(configuration, "batch-workers", 1, 1, 64),
            ProducerPort = publishing || producerPort == 0 ? null : producerPort,
            RestartDelay = TimeSpan.FromMilliseconds(Number(configuration, "restart-delay-ms", 1000, 0, 60_000)),
            Store = store,
            Postgres = store == SignupStore.Postgres && !publishing ? PostgresInstallation.Find(configuration["postgres-bin"]) : null,
        };
    }

    private static int Number(IConfiguration configuration, string key, int defaultValue, int min, int max)
    {
        if (configuration[key] is not { } text)
        {
            return defaultValue;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"--{key} must be a whole number from {min} to {max}; got '{text}'.");
    }

    private static bool Switch(IConfiguration configuration, string key) => configuration[key] switch
    {
        null => false,
        var text when bool.TryParse(text, out var value) => value,
        var text => throw new ArgumentException($"--{key} is a switch (true or false); got '{text}'."),
    };

    private static SignupStore StoreOf(IConfiguration configuration) => configuration["store"]?.ToLowerInvariant() switch
    {
        null or "sqlite" => SignupStore.Sqlite,
        "postgres" or "postgresql" => SignupStore.Postgres,
        var text => throw new ArgumentException($"--store must be 'sqlite' (files under the data directory, the default) or 'postgres' (a PostgreSQL server the AppHost runs); got '{text}'."),
    };

    private static KafkaRuntime Runtime(IConfiguration configuration) => configuration["kafka"]?.ToLowerInvariant() switch
    {
        null or "devbroker" => KafkaRuntime.DevBroker,
        "container" => KafkaRuntime.Container,
        var text => throw new ArgumentException($"--kafka must be 'devbroker' (librdkafka's mock cluster, the default) or 'container' (a Kafka container); got '{text}'."),
    };
}
