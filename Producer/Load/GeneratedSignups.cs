using System.Buffers.Binary;
using Signups.Messaging;

namespace Signups.Producer.Load;

/// <summary>Endless distinct signups for the load generator; the run's tag keeps emails apart between runs.</summary>
internal sealed class GeneratedSignups(TimeProvider clock)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private long _next;

    public UserSignedUp Next()
    {
        var n = _next++;
        var now = clock.GetUtcNow();
        return new UserSignedUp(NewId(now), NewId(now), $"load{n}.{_run}@load.example", $"Load User {n}", now);
    }

    /// <summary>
    /// A version 7 UUID (RFC 9562 §5.7) with non-cryptographic random bits. Guid.CreateVersion7 asks the operating
    /// system's CSPRNG each time, which costs more than the rest of a generated event together; test users do
    /// not need unguessable ids. The API's ids come from Guid.CreateVersion7.
    /// </summary>
    private static Guid NewId(DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes[6..]);
        Span<byte> milliseconds = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(milliseconds, now.ToUnixTimeMilliseconds());
        milliseconds[2..].CopyTo(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x70);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
