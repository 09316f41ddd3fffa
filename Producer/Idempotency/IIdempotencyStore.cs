namespace Signups.Producer.Idempotency;

/// <summary>
/// The durable memory of Idempotency-Keys (<c>ConnectionStrings:idempotency-db</c>, SQLite or PostgreSQL): a Producer
/// restart does not forget a key's first answer. Keys older than the retention period count as never seen. Failures are
/// <see cref="System.Data.Common.DbException"/>s, which the API answers with 503.
/// </summary>
internal interface IIdempotencyStore
{
    /// <summary>
    /// Claims <paramref name="key"/> for <paramref name="candidate"/> when it is new (or expired) and returns it;
    /// otherwise returns the row already there, whoever's it is. One transaction, so two Producers sharing the
    /// store cannot both claim a key.
    /// </summary>
    Task<IdempotencyRecord> BeginAsync(string key, IdempotencyRecord candidate);

    /// <summary>Records that Kafka acknowledged the key's event: from now on the key's answer is given again.</summary>
    Task MarkAcceptedAsync(string key);

    /// <summary>Deletes keys past the retention period; returns how many.</summary>
    Task<int> PurgeExpiredAsync(CancellationToken cancellationToken);
}
