using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Signups.Storage;

/// <summary>Creates the service's tables before any other hosted service starts (the consumer reads offsets from them).</summary>
internal sealed class SqliteSchemaInitializer(SqliteDatabase database, IOptions<SqliteDatabaseOptions> options, StoreReadiness readiness) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await database.EnsureSchemaAsync(options.Value.Schema, cancellationToken);
        readiness.Ready();
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
