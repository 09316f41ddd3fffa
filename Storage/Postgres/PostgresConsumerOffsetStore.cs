using Npgsql;
using NpgsqlTypes;

namespace Signups.Storage.Postgres;

/// <summary>
/// The next offset to consume per partition, in the same PostgreSQL database as the data it produced and written in
/// the same transaction (see <see cref="SqliteConsumerOffsetStore"/>, its SQLite twin).
/// </summary>
public sealed class PostgresConsumerOffsetStore(string consumerGroup, string topic)
{
    /// <summary>The table; part of each worker's schema.</summary>
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS consumer_offsets (
            consumer_group text        NOT NULL,
            topic          text        NOT NULL,
            partition      integer     NOT NULL,
            next_offset    bigint      NOT NULL,
            updated_at     timestamptz NOT NULL,
            PRIMARY KEY (consumer_group, topic, partition)
        );
        """;

    // An offset never moves back: a worker that lost a partition without knowing it cannot undo the progress of the one that took it over.
    private const string Save = """
        INSERT INTO consumer_offsets (consumer_group, topic, partition, next_offset, updated_at)
        SELECT $1, $2, p, o, now() FROM unnest($3::integer[], $4::bigint[]) AS t(p, o)
        ON CONFLICT (consumer_group, topic, partition)
        DO UPDATE SET next_offset = greatest(consumer_offsets.next_offset, excluded.next_offset), updated_at = excluded.updated_at
        """;

    /// <summary>The stored next offsets of <paramref name="partitions"/>; partitions never stored are absent.</summary>
    public async Task<IReadOnlyDictionary<int, long>> ReadAsync(NpgsqlDataSource dataSource, IReadOnlyList<int> partitions, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT partition, next_offset FROM consumer_offsets WHERE consumer_group = $1 AND topic = $2 AND partition = ANY($3)");
        command.Parameters.Add(new NpgsqlParameter { Value = consumerGroup, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = topic, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = partitions.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        var offsets = new Dictionary<int, long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            offsets[reader.GetInt32(0)] = reader.GetInt64(1);
        }

        return offsets;
    }

    /// <summary>The statement that records <paramref name="nextOffsets"/>, for the caller's transaction.</summary>
    public NpgsqlBatchCommand SaveCommand(IReadOnlyDictionary<int, long> nextOffsets)
    {
        var command = new NpgsqlBatchCommand(Save);
        command.Parameters.Add(new NpgsqlParameter { Value = consumerGroup, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = topic, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = nextOffsets.Keys.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = nextOffsets.Values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        return command;
    }
}
