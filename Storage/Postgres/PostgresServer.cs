using Npgsql;

namespace Signups.Storage.Postgres;

/// <summary>Names a data source's server for messages: <c>host:port/database</c>, never the password.</summary>
internal static class PostgresServer
{
    public static string Of(NpgsqlDataSource dataSource) =>
        new NpgsqlConnectionStringBuilder(dataSource.ConnectionString) is var settings ? $"{settings.Host}:{settings.Port}/{settings.Database}" : string.Empty;
}
