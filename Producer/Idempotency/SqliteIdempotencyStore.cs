using System.Globalization;
using Microsoft.Extensions.Options;
using Signups.Storage;

namespace Signups.Producer.Idempotency;

/// <summary>Idempotency-Keys on SQLite: each call one transaction under the process's write gate (and SQLite's lock across processes).</summary>
internal sealed class SqliteIdempotencyStore(SqliteWriter writer, IOptions<IdempotencyOptions> options, TimeProvider clock) : IIdempotencyStore
{
    private readonly long _retentionMs = (long)options.Value.Retention.TotalMilliseconds;

    public Task<IdempotencyRecord> BeginAsync(string key, IdempotencyRecord candidate) => writer.WriteAsync(write =>
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var claimed = write.Execute(IdempotencySchema.Claim,
            key, candidate.Fingerprint, candidate.EventId.ToString(), candidate.UserId.ToString(),
            candidate.SignedUpAt.UtcTicks, now, now - _retentionMs);
        return claimed == 1 ? candidate : Read(write, key);
    }, CancellationToken.None);

    public Task MarkAcceptedAsync(string key) => writer.WriteAsync(
        write => write.Execute("UPDATE idempotency_keys SET accepted_at = $2 WHERE key = $1", key, clock.GetUtcNow().ToUnixTimeMilliseconds()),
        CancellationToken.None);

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
