using System.Diagnostics;
using System.Globalization;
using Signups.Consuming;
using Signups.Messaging.Kafka.Diagnostics;
using Signups.Storage;

namespace Signups.BatchWorker.Analytics;

/// <summary>
/// Writes a batch to <c>signup_facts</c> as one bulk insert, in the same transaction as the batch's next
/// offsets: a crash at any instant leaves each event in the store exactly once. An event already stored
/// (a redelivery) is skipped by its primary key.
/// </summary>
internal sealed class AnalyticsSink(SqliteDatabase database, SqliteWriter writer, ConsumerOffsetStore offsets, ConsumerMetrics metrics)
    : IMessageBatchHandler
{
    private const string InsertFact = """
        INSERT INTO signup_facts (event_id, user_id, email_domain, signed_up_at, ingested_at, kafka_partition, kafka_offset)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (event_id) DO NOTHING
        """;

    public async Task<IReadOnlyDictionary<int, long>> ReadNextOffsetsAsync(string topic, IReadOnlyList<int> partitions, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await offsets.ReadAsync(connection, partitions, cancellationToken);
    }

    public async Task HandleAsync(MessageBatch batch, CancellationToken cancellationToken)
    {
        var signups = batch.Signups;
        using var flush = StartFlushActivity(batch, signups.Count);
        var inserted = await writer.WriteAsync(write =>
        {
            var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            var rows = 0;
            var insert = write.Prepare(InsertFact, 7);
            foreach (var (signup, message) in signups)
            {
                rows += insert.Execute(
                    signup.EventId.ToString(), signup.UserId.ToString(), EmailDomain(signup.Email),
                    signup.SignedUpAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), now,
                    message.Partition.Value, message.Offset.Value);
            }

            offsets.Save(write, batch.NextOffsets);
            return rows;
        }, cancellationToken);

        flush?.SetTag("signups.inserted", inserted);
        metrics.EventsProcessed(inserted);
        metrics.EventsRedelivered(signups.Count - inserted);
    }

    private static string EmailDomain(string email) => email[(email.LastIndexOf('@') + 1)..].ToLowerInvariant();

    // One span per flush, linked to the trace of every event in it (links, not a parent: a batch has many).
    private static Activity? StartFlushActivity(MessageBatch batch, int events)
    {
        if (!KafkaTelemetry.ActivitySource.HasListeners())
        {
            return null;
        }

        var links = batch.Messages
            .Select(message => KafkaTraceContext.Extract(message.Message.Headers))
            .Where(context => context != default)
            .Select(context => new ActivityLink(context))
            .ToList();
        var activity = KafkaTelemetry.ActivitySource.StartActivity("signup_facts flush", ActivityKind.Internal, parentContext: default, links: links);
        activity?.SetTag("messaging.batch.message_count", batch.Messages.Count);
        activity?.SetTag("signups.events", events);
        return activity;
    }
}
