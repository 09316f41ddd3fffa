namespace Signups.Storage;

/// <summary>Which database a service uses: its connection name and <c>ConnectionStrings:{name}</c>.</summary>
public sealed class SqliteDatabaseOptions
{
    public string ConnectionName { get; set; } = string.Empty;

    public string? ConnectionString { get; set; }

    /// <summary>The tables the service needs, created at start when missing.</summary>
    public string Schema { get; set; } = string.Empty;
}
