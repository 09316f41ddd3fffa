using System.Globalization;
using Signups.Consuming;
using Signups.Storage;
using Signups.StreamWorker.WelcomeEmails;

namespace Signups.StreamWorker.Users;

/// <summary>The users database on SQLite: prepared single-row statements, run per event in the batch's transaction.</summary>
internal sealed class SqliteUsersStore(SqliteDatabase database, SqliteWriter writer, SqliteConsumerOffsetStore offsets) : IUsersStore
{
    private const string MarkProcessed = """
        INSERT INTO processed_events (event_id, kafka_partition, kafka_offset, processed_at) VALUES ($1, $2, $3, $4)
        ON CONFLICT (event_id) DO NOTHING
        """;

    private const string InsertPending = $"""
        INSERT INTO users (user_id, email, name, status, signed_up_at, updated_at) VALUES ($1, $2, $3, '{UsersSchema.UserPending}', $4, $5)
        ON CONFLICT (user_id) DO NOTHING
        """;

    private const string ConfirmPending = $"""
        UPDATE users SET status = '{UsersSchema.UserAwaitingConfirmation}', updated_at = $2
        WHERE user_id = $1 AND status = '{UsersSchema.UserPending}'
        """;

    private const string QueueWelcomeEmail = """
        INSERT INTO welcome_emails (event_id, user_id, to_address, to_name, subject, body, created_at, trace_parent)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (event_id) DO NOTHING
        """;

    public async Task<IReadOnlyDictionary<int, long>> ReadNextOffsetsAsync(IReadOnlyList<int> partitions, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await offsets.ReadAsync(connection, partitions, cancellationToken);
    }

    public Task<int> ApplyAsync(IReadOnlyList<ConsumedSignup> signups, MessageBatch batch, CancellationToken cancellationToken) =>
        writer.WriteAsync(write =>
        {
            var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            var applied = signups.Count(signup => Apply(write, signup, now));
            offsets.Save(write, batch.NextOffsets);
            return applied;
        }, cancellationToken);

    private static bool Apply(SqliteWrite write, ConsumedSignup signup, string now)
    {
        var (evt, message) = signup;
        using var activity = SignupProcessActivity.Start(signup);

        var eventId = evt.EventId.ToString();
        var userId = evt.UserId.ToString();
        if (write.Execute(MarkProcessed, eventId, message.Partition.Value, message.Offset.Value, now) == 0)
        {
            activity?.SetTag("signups.redelivered", true);
            return false;
        }

        write.Execute(InsertPending, userId, evt.Email, evt.Name, evt.SignedUpAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), now);
        write.Execute(ConfirmPending, userId, now);
        write.Execute(QueueWelcomeEmail, eventId, userId, evt.Email, evt.Name, WelcomeEmailContent.Subject(evt.Name), WelcomeEmailContent.Body(evt.Name),
            now, SignupProcessActivity.TraceParent(activity, message));
        return true;
    }
}
