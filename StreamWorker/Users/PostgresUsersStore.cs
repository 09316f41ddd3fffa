using Npgsql;
using NpgsqlTypes;
using Signups.Consuming;
using Signups.Storage.Postgres;
using Signups.StreamWorker.WelcomeEmails;

namespace Signups.StreamWorker.Users;

/// <summary>
/// The users database on PostgreSQL: the whole batch in one round trip (an <see cref="NpgsqlBatch"/> in one transaction).
/// Per event one statement records it in the inbox and, only if that row is new, creates the user as pending and queues
/// its email; a second moves the user on to awaiting_confirmation.
/// </summary>
internal sealed class PostgresUsersStore(NpgsqlDataSource dataSource, PostgresConsumerOffsetStore offsets) : IUsersStore
{
    private const string RecordAndQueue = $"""
        WITH inbox AS (
            INSERT INTO processed_events (event_id, kafka_partition, kafka_offset, processed_at) VALUES ($1, $2, $3, now())
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id),
        pending AS (
            INSERT INTO users (user_id, email, name, status, signed_up_at, updated_at)
            SELECT $4, $5, $6, '{UsersSchema.UserPending}', $7, now() FROM inbox
            ON CONFLICT (user_id) DO NOTHING)
        INSERT INTO welcome_emails (event_id, user_id, to_address, to_name, subject, body, created_at, trace_parent)
        SELECT event_id, $4, $5, $6, $8, $9, now(), $10 FROM inbox
        ON CONFLICT (event_id) DO NOTHING
        """;

    private const string ConfirmPending = $"""
        UPDATE users SET status = '{UsersSchema.UserAwaitingConfirmation}', updated_at = now()
        WHERE user_id = $1 AND status = '{UsersSchema.UserPending}'
        """;

    public Task<IReadOnlyDictionary<int, long>> ReadNextOffsetsAsync(IReadOnlyList<int> partitions, CancellationToken cancellationToken) =>
        offsets.ReadAsync(dataSource, partitions, cancellationToken);

    public async Task<int> ApplyAsync(IReadOnlyList<ConsumedSignup> signups, MessageBatch batch, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var statements = new NpgsqlBatch(connection, transaction);
        var recorded = new List<NpgsqlBatchCommand>(signups.Count);
        foreach (var signup in signups)
        {
            var (evt, message) = signup;
            using var activity = SignupProcessActivity.Start(signup);
            var record = new NpgsqlBatchCommand(RecordAndQueue)
            {
                Parameters =
                {
                    new() { Value = evt.EventId, NpgsqlDbType = NpgsqlDbType.Uuid },
                    new() { Value = message.Partition.Value, NpgsqlDbType = NpgsqlDbType.Integer },
                    new() { Value = message.Offset.Value, NpgsqlDbType = NpgsqlDbType.Bigint },
                    new() { Value = evt.UserId, NpgsqlDbType = NpgsqlDbType.Uuid },
                    new() { Value = evt.Email, NpgsqlDbType = NpgsqlDbType.Text },
                    new() { Value = evt.Name, NpgsqlDbType = NpgsqlDbType.Text },
                    new() { Value = evt.SignedUpAt.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz },
                    new() { Value = WelcomeEmailContent.Subject(evt.Name), NpgsqlDbType = NpgsqlDbType.Text },
                    new() { Value = WelcomeEmailContent.Body(evt.Name), NpgsqlDbType = NpgsqlDbType.Text },
                    new() { Value = (object?)SignupProcessActivity.TraceParent(activity, message) ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                },
            };
            recorded.Add(record);
            statements.BatchCommands.Add(record);
            statements.BatchCommands.Add(new NpgsqlBatchCommand(ConfirmPending) { Parameters = { new() { Value = evt.UserId, NpgsqlDbType = NpgsqlDbType.Uuid } } });
        }

        statements.BatchCommands.Add(offsets.SaveCommand(batch.NextOffsets));
        await statements.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return recorded.Count(command => command.RecordsAffected > 0);
    }
}
