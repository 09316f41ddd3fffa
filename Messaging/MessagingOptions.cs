namespace Signups.Messaging;

/// <summary>Topic names, bound from the <c>Messaging</c> configuration section.</summary>
public sealed class MessagingOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Messaging";

    /// <summary>The connection name of the Kafka the signup services use (<c>ConnectionStrings:kafka</c>, the AppHost's resource).</summary>
    public const string KafkaConnectionName = "kafka";

    /// <summary>The topic signups are published to and consumed from.</summary>
    public string Topic { get; set; } = SignupTopics.UserSignups;

    /// <summary>The dead-letter topic; defaults to <see cref="Topic"/> + <c>.dlq</c>.</summary>
    public string? DeadLetterTopic { get; set; }

    /// <summary>The dead-letter topic in effect.</summary>
    public string EffectiveDeadLetterTopic => string.IsNullOrWhiteSpace(DeadLetterTopic)
        ? Topic + SignupTopics.DeadLetterSuffix
        : DeadLetterTopic;
}
