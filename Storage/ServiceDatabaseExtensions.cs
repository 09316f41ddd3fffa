using Microsoft.Extensions.Configuration;
using Signups.Storage;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers a service's database, SQLite or PostgreSQL, as its connection string says.</summary>
public static class ServiceDatabaseExtensions
{
    /// <summary>
    /// <see cref="PostgresDatabaseExtensions.AddPostgresDatabase"/> when <c>ConnectionStrings:{connectionName}</c> names a
    /// PostgreSQL server (<c>Host=…</c>), else <see cref="SqliteDatabaseExtensions.AddSqliteDatabase"/>; returns which, so the
    /// service registers the matching implementation of its store.
    /// </summary>
    public static StoreKind AddServiceDatabase(this IHostApplicationBuilder builder, string connectionName, string sqliteSchema, string postgresSchema,
        int sqlitePageCacheMegabytes = SqliteDatabaseOptions.DefaultPageCacheMegabytes)
    {
        var kind = StoreConnection.KindOf(builder.Configuration.GetConnectionString(connectionName));
        if (kind == StoreKind.Postgres)
        {
            builder.AddPostgresDatabase(connectionName, postgresSchema);
        }
        else
        {
            builder.AddSqliteDatabase(connectionName, sqliteSchema, sqlitePageCacheMegabytes);
        }

        return kind;
    }
}
