using Npgsql;
using NpgsqlTypes;
using Signups.Consuming;
using Signups.Storage.Postgres;

namespace Signups.BatchWorker.Analytics;

/// <summary>
/// signup_facts on PostgreSQL, one transaction per batch with its offsets, the rows by binary COPY (PostgreSQL's bulk
/// path). First straight into signup_facts, behind a savepoint: a batch of new events, the usual case, costs one COPY.
/// A batch holding an event already stored (a redelivery after a crash or a rebalance) fails that COPY on the key; the
/// transaction returns to the savepoint and the batch goes into a staging table instead, from which
/// <c>INSERT … SELECT … ON CONFLICT DO NOTHING</c> moves only the new events. Either way each event is stored once.
/// </summary>
internal sealed class PostgresSignupFactsStore(NpgsqlDataSource dataSource, PostgresConsumerOffsetStore offsets) : ISignupFactsStore
{
    private const string CreateStaging = """
        CREATE TEMP TABLE IF NOT EXISTS signup_facts_staging (
            event_id        uuid        NOT NULL,
            user_id         uuid        NOT NULL,
            email_domain    text        NOT NULL,
            signed_up_at    timestamptz NOT NULL,
            kafka_partition integer     NOT NULL,
            kafka_offset    bigint      NOT NULL
        ) ON COMMIT DELETE ROWS
        """;

    private const string CopyNew = "COPY signup_facts (event_id, user_id, email_domain, signed_up_at, kafka_partition, kafka_offset, ingested_at) FROM STDIN (FORMAT BINARY)";

    private const string CopyStaging = "COPY signup_facts_staging (event_id, user_id, email_domain, signed_up_at, kafka_partition, kafka_offset) FROM STDIN (FORMAT BINARY)";

    private const string Savepoint = "facts";

    private const string MoveNew = """
        INSERT INTO signup_facts (event_id, user_id, email_domain, signed_up_at, ingested_at, kafka_partition, kafka_offset)
        SELECT event_id, user_id, email_domain, signed_up_at, now(), kafka_partition, kafka_offset FROM signup_facts_staging
        ON CONFLICT (event_id) DO NOTHING
        """;

    public Task<IReadOnlyDictionary<int, long>> ReadNextOffsetsAsync(IReadOnlyList<int> partitions, CancellationToken cancellationToken) =>
        offsets.ReadAsync(dataSource, partitions, cancellationToken);

    public async Task<int> WriteAsync(MessageBatch batch, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        int inserted;
        await transaction.SaveAsync(Savepoint, cancellationToken);
        try
        {
            await CopyAsync(connection, CopyNew, batch, ingestedAt: DateTime.UtcNow, cancellationToken);
            inserted = batch.Signups.Count;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await transaction.RollbackAsync(Savepoint, cancellationToken);
            inserted = await CopyNewOnlyAsync(connection, transaction, batch, cancellationToken);
        }

        await using var offsetsCommand = new NpgsqlBatch(connection, transaction) { BatchCommands = { offsets.SaveCommand(batch.NextOffsets) } };
        await offsetsCommand.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }

    private static async Task<int> CopyNewOnlyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, MessageBatch batch, CancellationToken cancellationToken)
    {
        await using (var create = new NpgsqlCommand(CreateStaging, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await CopyAsync(connection, CopyStaging, batch, ingestedAt: null, cancellationToken);
        await using var move = new NpgsqlCommand(MoveNew, connection, transaction);
        return await move.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string copy, MessageBatch batch, DateTime? ingestedAt, CancellationToken cancellationToken)
    {
        await using var import = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var (signup, message) in batch.Signups)
        {
            await import.StartRowAsync(cancellationToken);
            await import.WriteAsync(signup.EventId, NpgsqlDbType.Uuid, cancellationToken);
            await import.WriteAsync(signup.UserId, NpgsqlDbType.Uuid, cancellationToken);
            await import.WriteAsync(SignupFact.EmailDomain(signup.Email), NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(signup.SignedUpAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
            await import.WriteAsync(message.Partition.Value, NpgsqlDbType.Integer, cancellationToken);
            await import.WriteAsync(message.Offset.Value, NpgsqlDbType.Bigint, cancellationToken);
            if (ingestedAt is { } now)
            {
                await import.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
            }
        }

        await import.CompleteAsync(cancellationToken);
    }
}
