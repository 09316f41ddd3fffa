using Confluent.Kafka;

namespace Signups.Messaging.Kafka.Configuration;

/// <summary>
/// What a Kafka client is built from. Read in Aspire's order: the <c>Aspire:Confluent:Kafka:{Producer|Consumer}</c>
/// section, then <c>ConnectionStrings:{name}</c>, then code.
/// </summary>
/// <typeparam name="TConfig">Confluent's producer or consumer configuration.</typeparam>
public abstract class KafkaClientSettings<TConfig>
    where TConfig : ClientConfig, new()
{
    /// <summary>The bootstrap servers, from <c>ConnectionStrings:kafka</c>; wins over <c>Config:BootstrapServers</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>librdkafka configuration: typed properties (<c>Config:LingerMs</c>) or librdkafka names (<c>Config:linger.ms</c>).</summary>
    public TConfig Config { get; } = new();

    /// <summary>Leaves the client out of <c>/health</c>.</summary>
    public bool DisableHealthChecks { get; set; }

    /// <summary>Turns off metrics from librdkafka statistics.</summary>
    public bool DisableMetrics { get; set; }

    /// <summary>Turns off the client's activities (spans).</summary>
    public bool DisableTracing { get; set; }

    /// <summary>The configuration section these settings are read from, for error messages.</summary>
    internal string SectionPath { get; set; } = string.Empty;
}
