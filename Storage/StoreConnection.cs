using System.Data.Common;

namespace Signups.Storage;

/// <summary>Tells the two stores apart by their connection strings, so a service needs no second setting that could disagree.</summary>
public static class StoreConnection
{
    /// <summary>
    /// <see cref="StoreKind.Postgres"/> for a connection string with <c>Host</c> (or <c>Server</c>), as Aspire's PostgreSQL
    /// databases give; otherwise <see cref="StoreKind.Sqlite"/>, whose own checks then say what is wrong.
    /// </summary>
    public static StoreKind KindOf(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return StoreKind.Sqlite;
        }

        try
        {
            var keys = new DbConnectionStringBuilder { ConnectionString = connectionString };
            return keys.ContainsKey("Host") || keys.ContainsKey("Server") ? StoreKind.Postgres : StoreKind.Sqlite;
        }
        catch (ArgumentException)
        {
            return StoreKind.Sqlite;
        }
    }
}
