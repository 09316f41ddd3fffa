namespace Signups.Storage;

/// <summary>The database a service's connection string names.</summary>
public enum StoreKind
{
    /// <summary>A file (<c>Data Source=path</c>): the embedded default, nothing to run.</summary>
    Sqlite,

    /// <summary>A server (<c>Host=…;Database=…</c>), for replicas on several machines.</summary>
    Postgres,
}
