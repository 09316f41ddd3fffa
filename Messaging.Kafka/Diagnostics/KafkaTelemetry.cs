using System.Diagnostics;

namespace Signups.Messaging.Kafka.Diagnostics;

/// <summary>Names of the activity source and meter the signup services emit; the Kafka client registrations add both to OpenTelemetry.</summary>
public static class KafkaTelemetry
{
    /// <summary>Activities of publishing and processing signup events.</summary>
    public const string ActivitySourceName = "Signups.Messaging";

    /// <summary>Metrics of the Kafka clients and the consume loops.</summary>
    public const string MeterName = "Signups.Messaging";

    /// <summary>The source for publish, process and flush activities.</summary>
    public static readonly ActivitySource ActivitySource = new(ActivitySourceName);
}
