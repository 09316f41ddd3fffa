namespace Signups.Storage;

/// <summary>Which database a service uses: its connection name and <c>ConnectionStrings:{name}</c>.</summary>
public sealed class SqliteDatabaseOptions
{
    /// <summary>SQLite's default page cache per connection, in MB.</summary>
    public const int DefaultPageCacheMegabytes = 2;

    public string ConnectionName { get; set; } = string.Empty;

    public string? ConnectionString { get; set; }

    /// <summary>
    /// SQLite's page cache per connection. Its default (2 MB) makes random-key inserts into large tables wait on the
    /// kernel for index pages; appends with time-ordered keys need little.
    /// </summary>
    public int PageCacheMegabytes { get; set; } = DefaultPageCacheMegabytes;

    /// <summary>The tables the service needs, created at start when missing.</summary>
    public string Schema { get; set; } = string.Empty;
}
