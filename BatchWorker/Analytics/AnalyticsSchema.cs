using Signups.Storage;
using Signups.Storage.Postgres;

namespace Signups.BatchWorker.Analytics;

/// <summary>The analytics store: one fact per signup event, and the consumed offsets written with them, in each store's dialect.</summary>
internal static class AnalyticsSchema
{
    public const string Sqlite = """
        CREATE TABLE IF NOT EXISTS signup_facts (
            event_id        TEXT PRIMARY KEY,
            user_id         TEXT    NOT NULL,
            email_domain    TEXT    NOT NULL,
            signed_up_at    TEXT    NOT NULL,
            ingested_at     TEXT    NOT NULL,
            kafka_partition INTEGER NOT NULL,
            kafka_offset    INTEGER NOT NULL
        ) WITHOUT ROWID;
        """ + SqliteConsumerOffsetStore.Schema;

    public const string Postgres = """
        CREATE TABLE IF NOT EXISTS signup_facts (
            event_id        uuid PRIMARY KEY,
            user_id         uuid        NOT NULL,
            email_domain    text        NOT NULL,
            signed_up_at    timestamptz NOT NULL,
            ingested_at     timestamptz NOT NULL,
            kafka_partition integer     NOT NULL,
            kafka_offset    bigint      NOT NULL
        );
        """ + PostgresConsumerOffsetStore.Schema;
}
