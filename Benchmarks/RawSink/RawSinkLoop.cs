using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Signups.Benchmarks.Harness;

namespace Signups.Benchmarks.RawSink;

/// <summary>
/// The yardstick of the BatchWorker's store: the same rows and offsets the BatchWorker writes, put into SQLite by
/// SQLite's own bulk path (one prepared statement, one transaction per batch with the batch's next offsets, the
/// store's pragmas), without Kafka. The events are read from the topic and turned into rows before the clock
/// starts; the table comes from the BatchWorker's own database (its <c>sqlite_master</c>), so both write the same
/// table with the same keys.
/// </summary>
internal static class RawSinkLoop
{
    private const string Group = "raw-sink";

    public static RawSinkResult Run(string bootstrapServers, string topic, long count, string schemaFrom, string database, int batchSize)
    {
        var rows = ReadRows(bootstrapServers, topic, count);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-2048;");
        Execute(connection, Schema(schemaFrom));

        using var insert = Prepare(connection, """
            INSERT INTO signup_facts (event_id, user_id, email_domain, signed_up_at, ingested_at, kafka_partition, kafka_offset)
            VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id) DO NOTHING
            """, 7);
        using var offsets = Prepare(connection, """
            INSERT INTO consumer_offsets (consumer_group, topic, partition, next_offset, updated_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (consumer_group, topic, partition) DO UPDATE SET next_offset = max(next_offset, excluded.next_offset), updated_at = excluded.updated_at
            """, 5);

        var clock = Stopwatch.StartNew();
        var transactions = 0;
        foreach (var batch in rows.Chunk(batchSize))
        {
            using var transaction = connection.BeginTransaction();
            insert.Transaction = transaction;
            offsets.Transaction = transaction;
            var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            var next = new Dictionary<int, long>();
            foreach (var row in batch)
            {
                Bind(insert, row.EventId, row.UserId, row.EmailDomain, row.SignedUpAt, now, row.Partition, row.Offset);
                insert.ExecuteNonQuery();
                next[row.Partition] = row.Offset + 1;
            }

            foreach (var (partition, offset) in next)
            {
                Bind(offsets, Group, topic, partition, offset, now);
                offsets.ExecuteNonQuery();
            }

            transaction.Commit();
            transactions++;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        return new RawSinkResult(rows.Count, transactions, seconds, rows.Count / seconds);
    }

    // Untimed: the events as rows, in the order the topic gives them.
    private static List<FactRow> ReadRows(string bootstrapServers, string topic, long count) =>
        [.. TopicSignups.Read(bootstrapServers, topic, count, Group).Select(e => new FactRow(e.Signup.EventId.ToString(), e.Signup.UserId.ToString(),
            TopicSignups.EmailDomain(e.Signup.Email), e.Signup.SignedUpAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), e.Partition, e.Offset))];

    private static string Schema(string databaseFile)
    {
        using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        source.Open();
        using var command = source.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_master WHERE type IN ('table', 'index') AND sql IS NOT NULL AND name IN ('signup_facts', 'consumer_offsets')";
        using var reader = command.ExecuteReader();
        var statements = new List<string>();
        while (reader.Read())
        {
            statements.Add(reader.GetString(0) + ";");
        }

        return statements.Count == 2 ? string.Join('\n', statements) : throw new InvalidOperationException($"{databaseFile} has no signup_facts and consumer_offsets tables.");
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter($"${i}", null));
        }

        command.Prepare();
        return command;
    }

    private static void Bind(SqliteCommand command, params ReadOnlySpan<object> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed record FactRow(string EventId, string UserId, string EmailDomain, string SignedUpAt, int Partition, long Offset);
}
