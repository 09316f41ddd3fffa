using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Signups.Storage;
using Signups.Storage.Postgres;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers a service's PostgreSQL database.</summary>
public static class PostgresDatabaseExtensions
{
    /// <summary>
    /// Aspire.Npgsql's data source for <c>ConnectionStrings:{connectionName}</c> (with Npgsql's tracing and metrics), its
    /// <paramref name="schema"/> created in the background with retries, and a <c>/health</c> check named
    /// <paramref name="connectionName"/> that answers within seconds and says what is wrong (instead of Aspire.Npgsql's).
    /// </summary>
    public static IHostApplicationBuilder AddPostgresDatabase(this IHostApplicationBuilder builder, string connectionName, string schema)
    {
        builder.AddNpgsqlDataSource(connectionName, settings => settings.DisableHealthChecks = true);
        builder.Services.AddSingleton(new PostgresSchema(connectionName, schema));
        builder.Services.AddSingleton<StoreReadiness>();
        builder.Services.AddHostedService<PostgresSchemaInitializer>();
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(connectionName,
            sp => ActivatorUtilities.CreateInstance<PostgresHealthCheck>(sp), failureStatus: null, tags: ["ready"]));
        return builder;
    }
}
