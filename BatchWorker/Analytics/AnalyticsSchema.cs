using Signups.Storage;

namespace Signups.BatchWorker.Analytics;

/// <summary>The analytics store: one fact per signup event, and the consumed offsets written with them.</summary>
internal static class AnalyticsSchema
{
    public const string Ddl = """
        CREATE TABLE IF NOT EXISTS signup_facts (
            event_id        TEXT PRIMARY KEY,
            user_id         TEXT    NOT NULL,
            email_domain    TEXT    NOT NULL,
            signed_up_at    TEXT    NOT NULL,
            ingested_at     TEXT    NOT NULL,
            kafka_partition INTEGER NOT NULL,
            kafka_offset    INTEGER NOT NULL
        ) WITHOUT ROWID;
        """ + ConsumerOffsetStore.Schema;
}
