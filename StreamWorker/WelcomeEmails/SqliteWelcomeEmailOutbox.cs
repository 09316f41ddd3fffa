using System.Globalization;
using Signups.Storage;

namespace Signups.StreamWorker.WelcomeEmails;

/// <summary>The welcome_emails outbox on SQLite: a claim is one UPDATE … RETURNING under the process's write gate.</summary>
internal sealed class SqliteWelcomeEmailOutbox(SqliteWriter writer) : IWelcomeEmailOutbox
{
    private const string Claim = """
        UPDATE welcome_emails SET claimed_by = $dispatcher, claimed_at = $now
        WHERE id IN (
            SELECT id FROM welcome_emails
            WHERE sent_at IS NULL AND (claimed_at IS NULL OR claimed_at < $expired)
            ORDER BY id LIMIT $limit)
        RETURNING id, event_id, to_address, to_name, subject, body, created_at, trace_parent
        """;

    private const string MarkSent = "UPDATE welcome_emails SET sent_at = $2 WHERE id = $1 AND sent_at IS NULL";

    private const string Release = "UPDATE welcome_emails SET claimed_by = NULL, claimed_at = NULL WHERE id = $1 AND sent_at IS NULL";

    public Task<IReadOnlyList<WelcomeEmail>> ClaimAsync(string dispatcher, int limit, TimeSpan claimTimeout, CancellationToken cancellationToken) =>
        writer.WriteAsync<IReadOnlyList<WelcomeEmail>>(write =>
        {
            var now = DateTimeOffset.UtcNow;
            using var claim = write.Connection.CreateCommand();
            claim.Transaction = write.Transaction;
            claim.CommandText = Claim;
            claim.Parameters.AddWithValue("$dispatcher", dispatcher);
            claim.Parameters.AddWithValue("$now", Timestamp(now));
            claim.Parameters.AddWithValue("$expired", Timestamp(now - claimTimeout));
            claim.Parameters.AddWithValue("$limit", limit);
            using var reader = claim.ExecuteReader();
            var emails = new List<WelcomeEmail>();
            while (reader.Read())
            {
                emails.Add(new WelcomeEmail(
                    reader.GetInt64(0), Guid.Parse(reader.GetString(1)), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                    DateTimeOffset.Parse(reader.GetString(6), CultureInfo.InvariantCulture), reader.IsDBNull(7) ? null : reader.GetString(7)));
            }

            return [.. emails.OrderBy(e => e.Id)];
        }, cancellationToken);

    public Task MarkSentAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var now = Timestamp(DateTimeOffset.UtcNow);
        return ForEachAsync(ids, (write, id) => write.Execute(MarkSent, id, now), cancellationToken);
    }

    public Task ReleaseAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        ForEachAsync(ids, (write, id) => write.Execute(Release, id), cancellationToken);

    private Task ForEachAsync(IReadOnlyCollection<long> ids, Func<SqliteWrite, long, int> update, CancellationToken cancellationToken) =>
        ids.Count == 0 ? Task.CompletedTask : writer.WriteAsync(write => ids.Sum(id => update(write, id)), cancellationToken);

    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
