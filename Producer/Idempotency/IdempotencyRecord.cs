namespace Signups.Producer.Idempotency;

/// <summary>A key's row: whose request it is (fingerprint), the event it publishes, and whether Kafka stored it.</summary>
internal sealed record IdempotencyRecord(byte[] Fingerprint, Guid EventId, Guid UserId, DateTimeOffset SignedUpAt, bool Accepted);
