namespace Signups.AppHost.Hosting;

/// <summary>
/// A SQLite database file under the data directory. Nothing runs: starting makes sure the directory
/// exists, and the service that owns the database creates its schema.
/// </summary>
public sealed class SqliteResource : Resource, IResourceWithConnectionString
{
    private ResourceState _state = ResourceState.NotStarted;

    internal SqliteResource(string name, string path, AppHostConsole console)
        : base(name, console) => DatabasePath = path;

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    /// <inheritdoc />
    public string ConnectionString => $"Data Source={DatabasePath}";

    /// <inheritdoc />
    public override ResourceState State => _state;

    internal override Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        _state = ResourceState.Running;
        return Task.CompletedTask;
    }

    internal override Task<IReadOnlyList<StopOutcome>> StopAsync(TimeSpan grace)
    {
        _state = ResourceState.Stopped;
        return Task.FromResult<IReadOnlyList<StopOutcome>>([new StopOutcome(Name, null, false, TimeSpan.Zero, "file kept")]);
    }
}
