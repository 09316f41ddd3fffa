using Npgsql;
using NpgsqlTypes;

namespace Signups.StreamWorker.WelcomeEmails;

/// <summary>
/// The welcome_emails outbox on PostgreSQL. Replicas claim with <c>FOR UPDATE SKIP LOCKED</c>: each takes rows no other
/// claim holds, without waiting for it.
/// </summary>
internal sealed class PostgresWelcomeEmailOutbox(NpgsqlDataSource dataSource) : IWelcomeEmailOutbox
{
    private const string Claim = """
        UPDATE welcome_emails SET claimed_by = $1, claimed_at = now()
        WHERE id IN (
            SELECT id FROM welcome_emails
            WHERE sent_at IS NULL AND (claimed_at IS NULL OR claimed_at < now() - $2)
            ORDER BY id LIMIT $3
            FOR UPDATE SKIP LOCKED)
        RETURNING id, event_id, to_address, to_name, subject, body, created_at, trace_parent
        """;

    private const string MarkSent = "UPDATE welcome_emails SET sent_at = now() WHERE id = ANY($1) AND sent_at IS NULL";

    private const string Release = "UPDATE welcome_emails SET claimed_by = NULL, claimed_at = NULL WHERE id = ANY($1) AND sent_at IS NULL";

    public async Task<IReadOnlyList<WelcomeEmail>> ClaimAsync(string dispatcher, int limit, TimeSpan claimTimeout, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Claim);
        command.Parameters.Add(new NpgsqlParameter { Value = dispatcher, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = claimTimeout, NpgsqlDbType = NpgsqlDbType.Interval });
        command.Parameters.Add(new NpgsqlParameter { Value = limit, NpgsqlDbType = NpgsqlDbType.Integer });
        var emails = new List<WelcomeEmail>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            emails.Add(new WelcomeEmail(
                reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return [.. emails.OrderBy(e => e.Id)];
    }

    public Task MarkSentAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) => UpdateAsync(MarkSent, ids, cancellationToken);

    public Task ReleaseAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) => UpdateAsync(Release, ids, cancellationToken);

    private async Task UpdateAsync(string sql, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
