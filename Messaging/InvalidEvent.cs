namespace Signups.Messaging;

/// <summary>Why a message could not be read as an event: a kind for metrics and DLQ headers, and a sentence for people.</summary>
/// <param name="Reason">A short stable identifier, e.g. <c>InvalidJson</c>.</param>
/// <param name="Message">What was wrong, in a sentence.</param>
public sealed record InvalidEvent(string Reason, string Message)
{
    /// <summary>The value is not JSON.</summary>
    public const string InvalidJson = "InvalidJson";

    /// <summary>The JSON does not have the event's shape or its fields break the rules.</summary>
    public const string InvalidEventShape = "InvalidEvent";

    /// <summary>The schema-version header names a version this consumer does not understand.</summary>
    public const string UnsupportedSchemaVersion = "UnsupportedSchemaVersion";
}
