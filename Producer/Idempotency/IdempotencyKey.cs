using Microsoft.Extensions.Primitives;

namespace Signups.Producer.Idempotency;

/// <summary>The <c>Idempotency-Key</c> request header (draft-ietf-httpapi-idempotency-key-header) and what a key may be.</summary>
internal static class IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";

    /// <summary>The answer header that marks a repeated request answered from the first one's result.</summary>
    public const string ReplayedHeaderName = "Idempotent-Replayed";

    /// <summary>Long enough for a UUID, a ULID or a client's own prefix and id; short enough to index cheaply.</summary>
    public const int MaxLength = 255;

    /// <summary>The key, null when the header is absent, or why it is not acceptable.</summary>
    public static (string? Key, string? Error) Read(StringValues header)
    {
        if (header.Count == 0)
        {
            return (null, null);
        }

        if (header.Count > 1)
        {
            return (null, $"Give one {HeaderName} header, not {header.Count}.");
        }

        var key = header[0] ?? string.Empty;
        if (key.Length is 0 or > MaxLength)
        {
            return (null, $"The {HeaderName} must be 1 to {MaxLength} characters; it has {key.Length}.");
        }

        return !key.AsSpan().ContainsAnyExceptInRange('!', '~')
            ? (key, null)
            : (null, $"The {HeaderName} may hold only visible ASCII characters (no spaces).");
    }
}
