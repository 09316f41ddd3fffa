using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Signups.Storage;

/// <summary>
/// The next offset to consume per partition, kept in the same database as the data it produced and
/// written in the same transaction. This, not Kafka's committed offset, is where a worker resumes:
/// a crash at any instant leaves data and offsets agreeing.
/// </summary>
public sealed class SqliteConsumerOffsetStore(string consumerGroup, string topic)
{
    /// <summary>The table; part of each worker's schema.</summary>
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS consumer_offsets (
            consumer_group TEXT    NOT NULL,
            topic          TEXT    NOT NULL,
            partition      INTEGER NOT NULL,
            next_offset    INTEGER NOT NULL,
            updated_at     TEXT    NOT NULL,
            PRIMARY KEY (consumer_group, topic, partition)
        ) WITHOUT ROWID;
        """;

    /// <summary>The stored next offsets of <paramref name="partitions"/>; partitions never stored are absent.</summary>
    public async Task<IReadOnlyDictionary<int, long>> ReadAsync(SqliteConnection connection, IEnumerable<int> partitions, CancellationToken cancellationToken)
    {
        var wanted = partitions.ToHashSet();
        var offsets = new Dictionary<int, long>();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT partition, next_offset FROM consumer_offsets WHERE consumer_group = $group AND topic = $topic";
        command.Parameters.AddWithValue("$group", consumerGroup);
        command.Parameters.AddWithValue("$topic", topic);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var partition = reader.GetInt32(0);
            if (wanted.Contains(partition))
            {
                offsets[partition] = reader.GetInt64(1);
            }
        }

        return offsets;
    }

    /// <summary>
    /// Records next offsets inside the caller's transaction. An offset never moves back: a worker that lost a
    /// partition without knowing it cannot undo the progress of the one that took it over.
    /// </summary>
    public void Save(SqliteWrite write, IReadOnlyDictionary<int, long> nextOffsets)
    {
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        foreach (var (partition, offset) in nextOffsets)
        {
            write.Execute("""
                INSERT INTO consumer_offsets (consumer_group, topic, partition, next_offset, updated_at) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (consumer_group, topic, partition)
                DO UPDATE SET next_offset = max(next_offset, excluded.next_offset), updated_at = excluded.updated_at
                """, consumerGroup, topic, partition, offset, now);
        }
    }
}
