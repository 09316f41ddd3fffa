using Microsoft.Data.Sqlite;

namespace Signups.Storage;

/// <summary>
/// A service's SQLite database. Connections use WAL (readers never block the writer), the page cache the service asks for, synchronous=NORMAL
/// (a committed transaction survives a process crash; a power cut may lose the last ones, together with
/// the offsets stored beside them) and a busy timeout, so replicas of a worker can share the file.
/// </summary>
public sealed class SqliteDatabase
{
    private const int BusyTimeoutMs = 10_000;
    private readonly string _connectionString;
    private readonly int _pageCacheKilobytes;

    /// <summary>Reads <paramref name="connectionString"/> (<c>Data Source=path</c>); connections get a page cache of <paramref name="pageCacheMegabytes"/>.</summary>
    public SqliteDatabase(string connectionName, string? connectionString, int pageCacheMegabytes = SqliteDatabaseOptions.DefaultPageCacheMegabytes)
    {
        _pageCacheKilobytes = pageCacheMegabytes * 1024;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not set; give it as 'Data Source=path/to/file.db' (SQLite) or 'Host=…;Database=…;Username=…;Password=…' (PostgreSQL).");
        }

        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"ConnectionStrings:{connectionName} is neither a PostgreSQL connection string (Host=…;Database=…) nor a SQLite one (Data Source=path/to/file.db): {e.Message}");
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:")
        {
            throw new InvalidOperationException($"ConnectionStrings:{connectionName} must name a database file ('Data Source=path/to/file.db').");
        }

        builder.DataSource = Path.GetFullPath(builder.DataSource);
        builder.Pooling = true;
        builder.DefaultTimeout = BusyTimeoutMs / 1000;
        FilePath = builder.DataSource;
        Name = connectionName;
        _connectionString = builder.ToString();
    }

    /// <summary>The connection name (<c>users-db</c>).</summary>
    public string Name { get; }

    /// <summary>The database file.</summary>
    public string FilePath { get; }

    /// <summary>
    /// Serializes this process's writes: SQLite has one writer at a time, and waiting here is cheaper than
    /// waiting in SQLite's busy handler. Other processes are held off by the busy timeout.
    /// </summary>
    public SemaphoreSlim WriteGate { get; } = new(1, 1);

    /// <summary>Opens a connection with the database's settings applied.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={BusyTimeoutMs}; PRAGMA cache_size=-{_pageCacheKilobytes};";
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>Runs idempotent DDL (<c>CREATE TABLE IF NOT EXISTS ...</c>) in one transaction.</summary>
    public async Task EnsureSchemaAsync(string ddl, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = ddl;
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
