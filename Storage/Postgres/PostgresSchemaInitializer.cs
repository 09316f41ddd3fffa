using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Signups.Storage.Postgres;

/// <summary>
/// Creates the service's tables, retrying with backoff until the server answers; the consume loop waits for it.
/// Replicas starting at once take turns on an advisory lock: <c>CREATE TABLE IF NOT EXISTS</c> alone races on the
/// catalog when two sessions run it together.
/// </summary>
internal sealed partial class PostgresSchemaInitializer(
    NpgsqlDataSource dataSource, PostgresSchema schema, StoreReadiness readiness, ILogger<PostgresSchemaInitializer> logger) : BackgroundService
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    // Any constant both replicas share; the tables' owner is the lock's scope (one per database).
    private const long SchemaLockKey = 0x5349474E555053; // "SIGNUPS"

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = FirstDelay;
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await CreateAsync(stoppingToken);
                readiness.Ready();
                LogReady(logger, schema.ConnectionName);
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                var problem = $"PostgreSQL at {PostgresServer.Of(dataSource)} does not answer: {e.Message}";
                readiness.Failed(problem);
                LogNotReady(logger, schema.ConnectionName, attempt, problem, delay.TotalMilliseconds);
            }

            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
        }
    }

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({SchemaLockKey})", connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var command = new NpgsqlCommand(schema.Ddl, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Database}: schema ready")]
    private static partial void LogReady(ILogger logger, string database);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Database}: schema not created (attempt {Attempt}), so not consuming yet: {Problem}; next attempt in {DelayMs:0} ms")]
    private static partial void LogNotReady(ILogger logger, string database, int attempt, string problem, double delayMs);
}
