namespace Signups.Producer.Idempotency;

/// <summary>
/// One row per Idempotency-Key: the request's fingerprint and the ids its event carries, written before the
/// event is published; <c>accepted_at</c> is set once Kafka acknowledged it. A row without it is an attempt
/// whose outcome is unknown (503, or the process died): a retry publishes the same event again.
/// </summary>
internal static class IdempotencySchema
{
    public const string Ddl = """
        CREATE TABLE IF NOT EXISTS idempotency_keys (
            key          TEXT    NOT NULL PRIMARY KEY,
            fingerprint  BLOB    NOT NULL,
            event_id     TEXT    NOT NULL,
            user_id      TEXT    NOT NULL,
            signed_up_at INTEGER NOT NULL, -- UTC ticks, so a retry publishes the first attempt's timestamp exactly
            created_at   INTEGER NOT NULL, -- unix ms of the first attempt; the key expires from here
            accepted_at  INTEGER           -- unix ms of Kafka's acknowledgement
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS idempotency_keys_created_at ON idempotency_keys (created_at);
        """;
}
