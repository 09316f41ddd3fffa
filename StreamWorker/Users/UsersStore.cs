using System.Diagnostics;
using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Signups.Messaging;
using Signups.Consuming;
using Signups.Messaging.Kafka.Diagnostics;
using Signups.Storage;
using Signups.StreamWorker.WelcomeEmails;

namespace Signups.StreamWorker.Users;

/// <summary>
/// Applies signups to the users database. One transaction per batch records each event as processed,
/// creates the user as pending and moves it to awaiting_confirmation, queues its welcome email, and stores
/// the batch's next offsets; an event already recorded changes nothing.
/// </summary>
internal sealed class UsersStore(SqliteDatabase database, SqliteWriter writer, ConsumerOffsetStore offsets)
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

    /// <summary>Applies <paramref name="signups"/> and the batch's offsets in one transaction; returns how many were new.</summary>
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
        using var activity = KafkaTelemetry.ActivitySource.HasListeners()
            ? KafkaTelemetry.ActivitySource.StartActivity($"{message.Topic} process", ActivityKind.Consumer, KafkaTraceContext.Extract(message.Message.Headers))
            : null;
        activity?.SetTag("messaging.system", "kafka");
        activity?.SetTag("messaging.destination.partition.id", message.Partition.Value);
        activity?.SetTag("messaging.kafka.message.offset", message.Offset.Value);
        activity?.SetTag("signups.event_id", evt.EventId);

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
            now, activity?.Id ?? TraceParentOf(message));
        return true;
    }

    private static string? TraceParentOf(ConsumeResult<byte[], byte[]> message) =>
        message.Message.Headers?.TryGetLastBytes(MessageHeaders.TraceParent, out var bytes) == true ? Encoding.UTF8.GetString(bytes) : null;
}
