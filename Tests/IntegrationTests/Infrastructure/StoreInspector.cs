using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Signups.AppHost;

namespace Signups.IntegrationTests.Infrastructure;

/// <summary>
/// Reads the real stores a graph wrote (users.db and analytics.db, or those databases on its PostgreSQL server, and the
/// mail pickup directory) and checks the promise: every accepted signup exactly once in each. The queries are the
/// same for both stores.
/// </summary>
internal sealed class StoreInspector(string dataDirectory, bool streamWorker = true, bool batchWorker = true, SignupStore store = SignupStore.Sqlite)
{
    private string? _usersConnectionString;
    private string? _analyticsConnectionString;

    public SignupStore Store => store;

    /// <summary>The users database: its file (SQLite) or its connection string (PostgreSQL).</summary>
    public string UsersDb => store == SignupStore.Sqlite ? Path.Combine(dataDirectory, "users.db") : _usersConnectionString ?? throw NotStarted();

    /// <summary>The analytics database: its file (SQLite) or its connection string (PostgreSQL).</summary>
    public string AnalyticsDb => store == SignupStore.Sqlite ? Path.Combine(dataDirectory, "analytics.db") : _analyticsConnectionString ?? throw NotStarted();

    /// <summary>Where the PostgreSQL databases are, once the graph has started.</summary>
    public void UsePostgres(string users, string analytics)
    {
        _usersConnectionString = users;
        _analyticsConnectionString = analytics;
    }

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

        var emailRows = streamWorker ? await RowsAsync(UsersDb, "SELECT event_id, CASE WHEN sent_at IS NULL THEN 'unsent' ELSE 'sent' END FROM welcome_emails") : [];
        if (streamWorker)
        {
            report.Add("welcome_emails missing", [.. events.Except(emailRows.Select(r => r[0]))]);
            report.Add("welcome_emails not sent", [.. emailRows.Where(r => r[1] == "unsent").Select(r => r[0])]);
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

    /// <summary>One number from a store, e.g. a count; 0 before the database or its tables exist.</summary>
    public async Task<long> ScalarAsync(string database, string sql)
    {
        var rows = await RowsAsync(database, sql);
        return rows.Count == 0 || rows[0][0].Length == 0 ? 0 : long.Parse(rows[0][0], System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<List<string[]>> RowsAsync(string database, string sql)
    {
        var rows = new List<string[]>();
        if (store == SignupStore.Sqlite && !File.Exists(database))
        {
            return rows;
        }

        try
        {
            await using var connection = await OpenAsync(database);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)]);
            }
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidCatalogName)
        {
            // Not created yet: nothing stored.
        }

        return rows;
    }

    private async Task<DbConnection> OpenAsync(string database)
    {
        DbConnection connection = store == SignupStore.Sqlite
            ? new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False")
            : new NpgsqlConnection(database + ";Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    private static InvalidOperationException NotStarted() => new("The graph's PostgreSQL databases are known once it has started.");

    private static List<string> Duplicates(IEnumerable<string> ids) => [.. ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key)];
}
