namespace Signups.Messaging;

/// <summary>Names of the Kafka message headers the signup pipeline writes and reads.</summary>
public static class MessageHeaders
{
    /// <summary>The event type name, e.g. <c>UserSignedUp</c>.</summary>
    public const string EventType = "event-type";

    /// <summary>The version of the event's JSON shape, as a decimal string.</summary>
    public const string SchemaVersion = "schema-version";

    /// <summary>W3C trace context of the request that produced the event (https://www.w3.org/TR/trace-context/).</summary>
    public const string TraceParent = "traceparent";

    /// <summary>W3C vendor trace state that travels with <see cref="TraceParent"/>.</summary>
    public const string TraceState = "tracestate";

    /// <summary>On a dead letter: why the message could not be processed.</summary>
    public const string DeadLetterError = "dlq-error";

    /// <summary>On a dead letter: the kind of failure (e.g. <c>InvalidJson</c>, <c>InvalidEvent</c>).</summary>
    public const string DeadLetterReason = "dlq-reason";

    /// <summary>On a dead letter: the topic the message was read from.</summary>
    public const string DeadLetterSourceTopic = "dlq-source-topic";

    /// <summary>On a dead letter: the partition the message was read from.</summary>
    public const string DeadLetterSourcePartition = "dlq-source-partition";

    /// <summary>On a dead letter: the offset the message had in its source partition.</summary>
    public const string DeadLetterSourceOffset = "dlq-source-offset";

    /// <summary>On a dead letter: the consumer group that rejected it.</summary>
    public const string DeadLetterConsumerGroup = "dlq-consumer-group";
}
