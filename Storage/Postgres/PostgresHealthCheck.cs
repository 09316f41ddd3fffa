using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Signups.Storage.Postgres;

/// <summary>
/// Healthy when the schema exists and the server answers a query within a few seconds; otherwise unhealthy, saying which
/// (Aspire.Npgsql's own check waits out the connection timeout, 15 s, so a probe of a server that is gone saw no answer at all).
/// </summary>
internal sealed class PostgresHealthCheck(NpgsqlDataSource dataSource, PostgresSchema schema, StoreReadiness readiness) : IHealthCheck
{
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsReady)
        {
            return HealthCheckResult.Unhealthy($"{schema.ConnectionName}: schema not created yet, so nothing is consumed: {readiness.Problem ?? "first attempt running"}");
        }

        try
        {
            // Npgsql may take its connection timeout (15 s) to give up on a server that is gone, whatever the token says:
            // the probe stops waiting after a few seconds and lets that attempt end on its own.
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken).WaitAsync(AnswerWithin, cancellationToken);
            return HealthCheckResult.Healthy($"{schema.ConnectionName}: PostgreSQL at {PostgresServer.Of(dataSource)} answers.");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            var reason = e is TimeoutException ? $"no answer within {AnswerWithin.TotalSeconds:0} s" : e.Message;
            return HealthCheckResult.Unhealthy($"{schema.ConnectionName}: PostgreSQL at {PostgresServer.Of(dataSource)} does not answer: {reason}");
        }
    }
}
