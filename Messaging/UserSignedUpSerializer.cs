using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace Signups.Messaging;

/// <summary>Writes <see cref="UserSignedUp"/> as UTF-8 JSON and reads it back, refusing anything malformed.</summary>
public static class UserSignedUpSerializer
{
    /// <summary>The schema version header's value for the current shape.</summary>
    public static readonly byte[] SchemaVersionHeaderValue = Encoding.ASCII.GetBytes(UserSignedUp.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The event type header's value.</summary>
    public static readonly byte[] EventTypeHeaderValue = Encoding.ASCII.GetBytes(UserSignedUp.EventType);

    /// <summary>The event as UTF-8 JSON.</summary>
    public static byte[] Serialize(UserSignedUp signup) =>
        JsonSerializer.SerializeToUtf8Bytes(signup, SignupsJsonContext.Default.UserSignedUp);

    /// <summary>
    /// Reads an event. <paramref name="schemaVersion"/> is the raw schema-version header (null when absent,
    /// which is read as version 1). Returns false with the reason when the message is not a valid event.
    /// </summary>
    public static bool TryDeserialize(
        ReadOnlySpan<byte> json,
        ReadOnlySpan<byte> schemaVersion,
        [NotNullWhen(true)] out UserSignedUp? signup,
        [NotNullWhen(false)] out InvalidEvent? problem)
    {
        signup = null;
        if (!schemaVersion.IsEmpty && !schemaVersion.SequenceEqual(SchemaVersionHeaderValue))
        {
            problem = new(InvalidEvent.UnsupportedSchemaVersion,
                $"Schema version '{Encoding.UTF8.GetString(schemaVersion)}' is not supported; this consumer reads version {UserSignedUp.SchemaVersion}.");
            return false;
        }

        try
        {
            signup = JsonSerializer.Deserialize(json, SignupsJsonContext.Default.UserSignedUp);
        }
        catch (JsonException e)
        {
            // A reader error comes wrapped (inner JsonException): the JSON itself is broken, no need to read it again.
            problem = e.InnerException is not JsonException && IsWellFormed(json)
                ? new(InvalidEvent.InvalidEventShape, $"The message is not a {UserSignedUp.EventType} event: {e.Message}")
                : new(InvalidEvent.InvalidJson, $"The message is not valid JSON: {e.Message}");
            return false;
        }

        problem = signup is null
            ? new(InvalidEvent.InvalidEventShape, "The message is JSON null.")
            : Check(signup);
        return problem is null;
    }

    // Only on the failure path: tells broken JSON from JSON of the wrong shape.
    private static bool IsWellFormed(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            while (reader.Read())
            {
            }

            return reader.BytesConsumed > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static InvalidEvent? Check(UserSignedUp signup)
    {
        var error = signup.EventId == Guid.Empty ? "eventId must not be empty."
            : signup.UserId == Guid.Empty ? "userId must not be empty."
            : signup.SignedUpAt == default ? "signedUpAt is required."
            : SignupFieldRules.CheckEmail(signup.Email) ?? SignupFieldRules.CheckName(signup.Name);
        return error is null ? null : new(InvalidEvent.InvalidEventShape, error);
    }
}
