namespace Signups.Producer.Idempotency;

/// <summary>
/// One row per Idempotency-Key: the request's fingerprint and the ids its event carries, written before the
/// event is published; <c>accepted_at</c> is set once Kafka acknowledged it. A row without it is an attempt
/// whose outcome is unknown (503, or the process died): a retry publishes the same event again.
/// </summary>
internal static class IdempotencySchema
{
    public const string Sqlite = """
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

    public const string Postgres = """
        CREATE TABLE IF NOT EXISTS idempotency_keys (
            key          text   NOT NULL PRIMARY KEY,
            fingerprint  bytea  NOT NULL,
            event_id     uuid   NOT NULL,
            user_id      uuid   NOT NULL,
            signed_up_at bigint NOT NULL,
            created_at   bigint NOT NULL,
            accepted_at  bigint
        );
        CREATE INDEX IF NOT EXISTS idempotency_keys_created_at ON idempotency_keys (created_at);
        """;

    /// <summary>
    /// Claims a key (<c>$1</c>, with <c>$2</c>…<c>$6</c> the row) unless a row younger than <c>$7</c> holds it; the same
    /// statement in both dialects. One row changed: claimed.
    /// </summary>
    public const string Claim = """
        INSERT INTO idempotency_keys (key, fingerprint, event_id, user_id, signed_up_at, created_at, accepted_at)
        VALUES ($1, $2, $3, $4, $5, $6, NULL)
        ON CONFLICT (key) DO UPDATE SET
            fingerprint = excluded.fingerprint, event_id = excluded.event_id, user_id = excluded.user_id,
            signed_up_at = excluded.signed_up_at, created_at = excluded.created_at, accepted_at = NULL
        WHERE idempotency_keys.created_at < $7
        """;
}
