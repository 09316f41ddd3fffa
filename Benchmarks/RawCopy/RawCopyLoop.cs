using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using Signups.Benchmarks.Harness;
using Signups.Benchmarks.RawSink;

namespace Signups.Benchmarks.RawCopy;

/// <summary>
/// The yardstick of the BatchWorker's PostgreSQL store: the same rows and offsets, written by PostgreSQL's own bulk path
/// without Kafka, on the same server and database. Tables of the same shape as the BatchWorker's (<c>LIKE … INCLUDING ALL</c>:
/// same keys and indexes); one transaction per batch of the BatchWorker's default MaxBatchSize, each a binary COPY straight into the table and the batch's
/// offsets. The events are read from the topic before the clock starts.
/// </summary>
internal static class RawCopyLoop
{
    private const string Group = "raw-copy";

    public static async Task<RawSinkResult> RunAsync(string bootstrapServers, string topic, long count, string connectionString, int batchSize, CancellationToken cancellationToken)
    {
        var rows = ReadRows(bootstrapServers, topic, count);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var schema = new NpgsqlCommand("""
            CREATE TABLE raw_facts (LIKE signup_facts INCLUDING ALL);
            CREATE TABLE raw_offsets (LIKE consumer_offsets INCLUDING ALL);
            """, connection))
        {
            await schema.ExecuteNonQueryAsync(cancellationToken);
        }

        var clock = Stopwatch.StartNew();
        var transactions = 0;
        foreach (var batch in rows.Chunk(batchSize))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var copy = await connection.BeginBinaryImportAsync(
                "COPY raw_facts (event_id, user_id, email_domain, signed_up_at, ingested_at, kafka_partition, kafka_offset) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                var now = DateTime.UtcNow;
                foreach (var row in batch)
                {
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(row.EventId, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(row.UserId, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(row.EmailDomain, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(row.SignedUpAt, NpgsqlDbType.TimestampTz, cancellationToken);
                    await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                    await copy.WriteAsync(row.Partition, NpgsqlDbType.Integer, cancellationToken);
                    await copy.WriteAsync(row.Offset, NpgsqlDbType.Bigint, cancellationToken);
                }

                await copy.CompleteAsync(cancellationToken);
            }

            var next = batch.GroupBy(r => r.Partition).ToDictionary(g => g.Key, g => g.Max(r => r.Offset) + 1);
            await using (var offsets = new NpgsqlCommand("""
                INSERT INTO raw_offsets (consumer_group, topic, partition, next_offset, updated_at)
                SELECT $1, $2, p, o, now() FROM unnest($3::integer[], $4::bigint[]) AS t(p, o)
                ON CONFLICT (consumer_group, topic, partition) DO UPDATE SET next_offset = greatest(raw_offsets.next_offset, excluded.next_offset), updated_at = excluded.updated_at
                """, connection, transaction)
            {
                Parameters = { new() { Value = Group }, new() { Value = topic }, new() { Value = next.Keys.ToArray() }, new() { Value = next.Values.ToArray() } },
            })
            {
                await offsets.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            transactions++;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        return new RawSinkResult(rows.Count, transactions, seconds, rows.Count / seconds);
    }

    // Untimed: the events as rows, in the order the topic gives them.
    private static List<FactRow> ReadRows(string bootstrapServers, string topic, long count) =>
        [.. TopicSignups.Read(bootstrapServers, topic, count, Group).Select(e => new FactRow(e.Signup.EventId, e.Signup.UserId,
            TopicSignups.EmailDomain(e.Signup.Email), e.Signup.SignedUpAt.UtcDateTime, e.Partition, e.Offset))];

    private sealed record FactRow(Guid EventId, Guid UserId, string EmailDomain, DateTime SignedUpAt, int Partition, long Offset);
}
