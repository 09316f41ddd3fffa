using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Signups.Producer.Idempotency;

/// <summary>
/// Idempotency-Keys on PostgreSQL. The claim is one <c>INSERT … ON CONFLICT DO UPDATE … WHERE expired</c>: of two Producers
/// claiming the same key at once, the second waits on the first's row and then finds it.
/// </summary>
internal sealed class PostgresIdempotencyStore(NpgsqlDataSource dataSource, IOptions<IdempotencyOptions> options, TimeProvider clock) : IIdempotencyStore
{
    private const string Read = "SELECT fingerprint, event_id, user_id, signed_up_at, accepted_at FROM idempotency_keys WHERE key = $1";

    private readonly long _retentionMs = (long)options.Value.Retention.TotalMilliseconds;

    public async Task<IdempotencyRecord> BeginAsync(string key, IdempotencyRecord candidate)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var claim = new NpgsqlCommand(IdempotencySchema.Claim, connection, transaction)
        {
            Parameters =
            {
                new() { Value = key, NpgsqlDbType = NpgsqlDbType.Text },
                new() { Value = candidate.Fingerprint, NpgsqlDbType = NpgsqlDbType.Bytea },
                new() { Value = candidate.EventId, NpgsqlDbType = NpgsqlDbType.Uuid },
                new() { Value = candidate.UserId, NpgsqlDbType = NpgsqlDbType.Uuid },
                new() { Value = candidate.SignedUpAt.UtcTicks, NpgsqlDbType = NpgsqlDbType.Bigint },
                new() { Value = now, NpgsqlDbType = NpgsqlDbType.Bigint },
                new() { Value = now - _retentionMs, NpgsqlDbType = NpgsqlDbType.Bigint },
            },
        };
        var record = await claim.ExecuteNonQueryAsync() == 1 ? candidate : await ReadAsync(connection, transaction, key);
        await transaction.CommitAsync();
        return record;
    }

    public async Task MarkAcceptedAsync(string key)
    {
        await using var command = dataSource.CreateCommand("UPDATE idempotency_keys SET accepted_at = $2 WHERE key = $1");
        command.Parameters.Add(new() { Value = key, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = clock.GetUtcNow().ToUnixTimeMilliseconds(), NpgsqlDbType = NpgsqlDbType.Bigint });
        await command.ExecuteNonQueryAsync();
    }

    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM idempotency_keys WHERE created_at < $1");
        command.Parameters.Add(new() { Value = clock.GetUtcNow().ToUnixTimeMilliseconds() - _retentionMs, NpgsqlDbType = NpgsqlDbType.Bigint });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IdempotencyRecord> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string key)
    {
        await using var command = new NpgsqlCommand(Read, connection, transaction) { Parameters = { new() { Value = key, NpgsqlDbType = NpgsqlDbType.Text } } };
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            throw new InvalidOperationException($"The idempotency key '{key}' vanished inside its own transaction.");
        }

        return new IdempotencyRecord(
            reader.GetFieldValue<byte[]>(0), reader.GetGuid(1), reader.GetGuid(2), new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero), !reader.IsDBNull(4));
    }
}
