using System.Globalization;
using Microsoft.Extensions.Options;
using Signups.Storage;

namespace Signups.Producer.Idempotency;

/// <summary>
/// The durable memory of Idempotency-Keys (SQLite, <c>ConnectionStrings:idempotency-db</c>): a Producer restart
/// does not forget a key's first answer. Keys older than the retention period count as never seen.
/// </summary>
internal sealed class IdempotencyStore(SqliteWriter writer, IOptions<IdempotencyOptions> options, TimeProvider clock)
{
    private readonly long _retentionMs = (long)options.Value.Retention.TotalMilliseconds;

    /// <summary>
    /// Claims <paramref name="key"/> for <paramref name="candidate"/> when it is new (or expired) and returns it;
    /// otherwise returns the row already there, whoever's it is. One transaction, so two processes sharing the
    /// file cannot both claim a key.
    /// </summary>
    public Task<IdempotencyRecord> BeginAsync(string key, IdempotencyRecord candidate) => writer.WriteAsync(write =>
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var claimed = write.Execute("""
            INSERT INTO idempotency_keys (key, fingerprint, event_id, user_id, signed_up_at, created_at, accepted_at)
            VALUES ($1, $2, $3, $4, $5, $6, NULL)
            ON CONFLICT (key) DO UPDATE SET
                fingerprint = excluded.fingerprint, event_id = excluded.event_id, user_id = excluded.user_id,
                signed_up_at = excluded.signed_up_at, created_at = excluded.created_at, accepted_at = NULL
            WHERE idempotency_keys.created_at < $7
            """,
            key, candidate.Fingerprint, candidate.EventId.ToString(), candidate.UserId.ToString(),
            candidate.SignedUpAt.UtcTicks, now, now - _retentionMs);
        return claimed == 1 ? candidate : Read(write, key);
    }, CancellationToken.None);

    /// <summary>Records that Kafka acknowledged the key's event: from now on the key's answer is given again.</summary>
    public Task MarkAcceptedAsync(string key) => writer.WriteAsync(
        write => write.Execute("UPDATE idempotency_keys SET accepted_at = $2 WHERE key = $1", key, clock.GetUtcNow().ToUnixTimeMilliseconds()),
        CancellationToken.None);

    /// <summary>Deletes keys past the retention period; returns how many.</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken) => writer.WriteAsync(
        write => write.Execute("DELETE FROM idempotency_keys WHERE created_at < $1", clock.GetUtcNow().ToUnixTimeMilliseconds() - _retentionMs),
        cancellationToken);

    private static IdempotencyRecord Read(SqliteWrite write, string key)
    {
        using var command = write.Connection.CreateCommand();
        command.Transaction = write.Transaction;
        command.CommandText = "SELECT fingerprint, event_id, user_id, signed_up_at, accepted_at FROM idempotency_keys WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidOperationException($"The idempotency key '{key}' vanished inside its own transaction.");
        }

        return new IdempotencyRecord(
            (byte[])reader.GetValue(0),
            Guid.Parse(reader.GetString(1), CultureInfo.InvariantCulture),
            Guid.Parse(reader.GetString(2), CultureInfo.InvariantCulture),
            new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
            !reader.IsDBNull(4));
    }
}
