using System.Globalization;
using Signups.Consuming;
using Signups.Storage;

namespace Signups.BatchWorker.Analytics;

/// <summary>signup_facts on SQLite: one prepared single-row insert per fact, run in the batch's transaction (SQLite's fastest bulk path).</summary>
internal sealed class SqliteSignupFactsStore(SqliteDatabase database, SqliteWriter writer, SqliteConsumerOffsetStore offsets) : ISignupFactsStore
{
    private const string InsertFact = """
        INSERT INTO signup_facts (event_id, user_id, email_domain, signed_up_at, ingested_at, kafka_partition, kafka_offset)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (event_id) DO NOTHING
        """;

    public async Task<IReadOnlyDictionary<int, long>> ReadNextOffsetsAsync(IReadOnlyList<int> partitions, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await offsets.ReadAsync(connection, partitions, cancellationToken);
    }

    public Task<int> WriteAsync(MessageBatch batch, CancellationToken cancellationToken) => writer.WriteAsync(write =>
    {
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var rows = 0;
        var insert = write.Prepare(InsertFact, 7);
        foreach (var (signup, message) in batch.Signups)
        {
            rows += insert.Execute(
                signup.EventId.ToString(), signup.UserId.ToString(), SignupFact.EmailDomain(signup.Email),
                signup.SignedUpAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), now,
                message.Partition.Value, message.Offset.Value);
        }

        offsets.Save(write, batch.NextOffsets);
        return rows;
    }, cancellationToken);
}
