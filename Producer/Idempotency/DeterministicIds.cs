using System.Security.Cryptography;
using System.Text;

namespace Signups.Producer.Idempotency;

/// <summary>
/// The event and user ids of a keyed signup, derived from its Idempotency-Key and fingerprint as name-based
/// UUIDs (version 5, RFC 9562 §5.5). Every attempt of the same keyed request publishes the same event id, so
/// an attempt that got a 503 although Kafka stored it (the acknowledgement was lost) and its retry are one
/// event to the consumers, which drop a redelivered event id. That holds even when the idempotency store has
/// forgotten the key. The fingerprint is part of the name so that a key reused for another signup after the
/// retention period does not collide with the first signup's event id.
/// </summary>
internal static class DeterministicIds
{
    /// <summary>The namespace of Signups' name-based ids (a random UUID, fixed forever).</summary>
    public static readonly Guid SignupsNamespace = new("fd4dac5f-5524-4b6e-bd81-295d8774397b");

    public static (Guid EventId, Guid UserId) For(string idempotencyKey, byte[] fingerprint)
    {
        var name = $"{idempotencyKey}\n{Convert.ToHexStringLower(fingerprint)}";
        return (NameBased(SignupsNamespace, $"event\n{name}"), NameBased(SignupsNamespace, $"user\n{name}"));
    }

    /// <summary>A version 5 UUID: SHA-1 of the namespace (network byte order) and the UTF-8 name.</summary>
    public static Guid NameBased(Guid @namespace, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        @namespace.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);

        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
