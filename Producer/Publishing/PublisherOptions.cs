using System.ComponentModel.DataAnnotations;

namespace Signups.Producer.Publishing;

/// <summary>Section <c>Producer</c>.</summary>
internal sealed class PublisherOptions
{
    public const string SectionName = "Producer";

    /// <summary>
    /// How long Kafka may take to store an event. It is also librdkafka's <c>message.timeout.ms</c>: an event not
    /// stored by then is given up by the client too, so a 503 is never followed by a late delivery of that attempt.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>What a 503 asks the client to wait before retrying (<c>Retry-After</c>, whole seconds).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(2);
}
