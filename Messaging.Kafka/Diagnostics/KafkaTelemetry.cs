using System.Diagnostics;

namespace Signups.Messaging.Kafka.Diagnostics;

/// <summary>Names of the activity source and meter the signup services emit; the Kafka client registrations add both to OpenTelemetry.</summary>
public static class KafkaTelemetry
{
    /// <summary>Activities of publishing and processing signup events.</summary>
    public const string ActivitySourceName = "Signups.Messaging";

    /// <summary>Metrics beyond Aspire.Confluent.Kafka's: consumer lag, connections, rebalances, and the consume loops'.</summary>
    public const string MeterName = "Signups.Messaging";

    /// <summary>librdkafka's statistics under Aspire.Confluent.Kafka's meter and instrument names.</summary>
    public const string AspireMeterName = "Aspire.Confluent.Kafka";

    /// <summary>The source for publish, process and flush activities.</summary>
    public static readonly ActivitySource ActivitySource = new(ActivitySourceName);
}
