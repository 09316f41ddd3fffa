using Signups.Storage;
using Signups.Storage.Postgres;

namespace Signups.StreamWorker.Users;

/// <summary>The users database: users, the welcome-email outbox, the processed-events inbox and consumed offsets, in each store's dialect.</summary>
internal static class UsersSchema
{
    public const string UserPending = "pending";
    public const string UserAwaitingConfirmation = "awaiting_confirmation";

    public const string Sqlite = """
        CREATE TABLE IF NOT EXISTS users (
            user_id      TEXT PRIMARY KEY,
            email        TEXT NOT NULL,
            name         TEXT NOT NULL,
            status       TEXT NOT NULL,
            signed_up_at TEXT NOT NULL,
            updated_at   TEXT NOT NULL
        ) WITHOUT ROWID;

        -- The outbox: a row per welcome email, written with the status change; the dispatcher sends and marks it.
        CREATE TABLE IF NOT EXISTS welcome_emails (
            id           INTEGER PRIMARY KEY,
            event_id     TEXT NOT NULL UNIQUE,
            user_id      TEXT NOT NULL,
            to_address   TEXT NOT NULL,
            to_name      TEXT NOT NULL,
            subject      TEXT NOT NULL,
            body         TEXT NOT NULL,
            created_at   TEXT NOT NULL,
            sent_at      TEXT,
            claimed_by   TEXT,
            claimed_at   TEXT,
            trace_parent TEXT
        );
        CREATE INDEX IF NOT EXISTS welcome_emails_unsent ON welcome_emails (id) WHERE sent_at IS NULL;

        -- The inbox: an event seen here was handled; seeing it again changes nothing.
        CREATE TABLE IF NOT EXISTS processed_events (
            event_id        TEXT PRIMARY KEY,
            kafka_partition INTEGER NOT NULL,
            kafka_offset    INTEGER NOT NULL,
            processed_at    TEXT NOT NULL
        ) WITHOUT ROWID;
        """ + SqliteConsumerOffsetStore.Schema;

    public const string Postgres = """
        CREATE TABLE IF NOT EXISTS users (
            user_id      uuid PRIMARY KEY,
            email        text NOT NULL,
            name         text NOT NULL,
            status       text NOT NULL,
            signed_up_at timestamptz NOT NULL,
            updated_at   timestamptz NOT NULL
        );

        CREATE TABLE IF NOT EXISTS welcome_emails (
            id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            event_id     uuid NOT NULL UNIQUE,
            user_id      uuid NOT NULL,
            to_address   text NOT NULL,
            to_name      text NOT NULL,
            subject      text NOT NULL,
            body         text NOT NULL,
            created_at   timestamptz NOT NULL,
            sent_at      timestamptz,
            claimed_by   text,
            claimed_at   timestamptz,
            trace_parent text
        );
        CREATE INDEX IF NOT EXISTS welcome_emails_unsent ON welcome_emails (id) WHERE sent_at IS NULL;

        CREATE TABLE IF NOT EXISTS processed_events (
            event_id        uuid PRIMARY KEY,
            kafka_partition integer NOT NULL,
            kafka_offset    bigint NOT NULL,
            processed_at    timestamptz NOT NULL
        );
        """ + PostgresConsumerOffsetStore.Schema;
}
