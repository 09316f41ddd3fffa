namespace Signups.AppHost;

/// <summary>What holds the services' data (<c>--store</c>).</summary>
public enum SignupStore
{
    /// <summary>SQLite files under the data directory: nothing runs.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server the AppHost runs from the machine's binaries, its cluster under the data directory.</summary>
    Postgres,
}
