using Microsoft.Data.Sqlite;

namespace Signups.IntegrationTests.Infrastructure;

/// <summary>
/// Reads the real stores a graph wrote (users.db, analytics.db, the mail pickup directory) and checks the
/// promise: every accepted signup exactly once in each.
/// </summary>
internal sealed class StoreInspector(string dataDirectory, bool streamWorker = true, bool batchWorker = true)
{
    public string UsersDb => Path.Combine(dataDirectory, "users.db");

    public string AnalyticsDb => Path.Combine(dataDirectory, "analytics.db");

    public string MailDirectory => Path.Combine(dataDirectory, "mail");

    /// <summary>
    /// Checks each store against <paramref name="accepted"/>: present exactly once, in its final state, and
    /// (unless <paramref name="allowUnaccepted"/>) nothing else. Events that got a 503 may still have been stored
    /// (their acknowledgement was lost), which is what <paramref name="allowUnaccepted"/> is for.
    /// </summary>
    public async Task<InvariantReport> CheckAsync(IReadOnlyCollection<AcceptedSignup> accepted, bool allowUnaccepted = false)
    {
        var report = new InvariantReport();
        var events = accepted.Select(a => a.EventId.ToString()).ToHashSet();
        var users = accepted.Select(a => a.UserId.ToString()).ToHashSet();
        report.Add("accepted twice (same event id answered twice)", Duplicates(accepted.Select(a => a.EventId.ToString())));

        // A graph without one of the workers has only the other's stores to check.
        var userRows = streamWorker ? await RowsAsync(UsersDb, "SELECT user_id, status FROM users") : [];
        if (streamWorker)
        {
        report.Add("users missing", [.. users.Except(userRows.Select(r => r[0]))]);
        report.Add("users not awaiting_confirmation", [.. userRows.Where(r => users.Contains(r[0]) && r[1] != "awaiting_confirmation").Select(r => $"{r[0]}={r[1]}")]);

        }

        var emailRows = streamWorker ? await RowsAsync(UsersDb, "SELECT event_id, coalesce(sent_at, '') FROM welcome_emails") : [];
        if (streamWorker)
        {
        report.Add("welcome_emails missing", [.. events.Except(emailRows.Select(r => r[0]))]);
        report.Add("welcome_emails not sent", [.. emailRows.Where(r => r[1].Length == 0).Select(r => r[0])]);

        }

        var files = streamWorker && Directory.Exists(MailDirectory)
            ? Directory.GetFiles(MailDirectory, "*.eml").Select(f => Path.GetFileNameWithoutExtension(f)).ToList()
            : [];
        if (streamWorker)
        {
            report.Add(".eml files missing", [.. events.Except(files)]);
        }

        var facts = batchWorker ? (await RowsAsync(AnalyticsDb, "SELECT event_id FROM signup_facts")).Select(r => r[0]).ToList() : [];
        if (batchWorker)
        {
            report.Add("signup_facts missing", [.. events.Except(facts)]);
        }

        if (!allowUnaccepted)
        {
            report.Add("users never accepted", [.. userRows.Select(r => r[0]).Except(users)]);
            report.Add("welcome_emails never accepted", [.. emailRows.Select(r => r[0]).Except(events)]);
            report.Add(".eml files never accepted", [.. files.Except(events)]);
            report.Add("signup_facts never accepted", [.. facts.Except(events)]);
        }

        return report;
    }

    /// <summary>One number from a store, e.g. a count.</summary>
    public async Task<long> ScalarAsync(string database, string sql)
    {
        if (!File.Exists(database))
        {
            return 0;
        }

        await using var connection = await OpenAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<string[]>> RowsAsync(string database, string sql)
    {
        var rows = new List<string[]>();
        if (!File.Exists(database))
        {
            return rows;
        }

        await using var connection = await OpenAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i).ToString() ?? string.Empty)]);
        }

        return rows;
    }

    private static async Task<SqliteConnection> OpenAsync(string database)
    {
        var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    private static List<string> Duplicates(IEnumerable<string> ids) => [.. ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key)];
}
