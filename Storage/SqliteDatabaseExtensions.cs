using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Signups.Storage;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers a service's SQLite database.</summary>
public static class SqliteDatabaseExtensions
{
    /// <summary>
    /// The database of <c>ConnectionStrings:{connectionName}</c>, checked at start, its <paramref name="schema"/>
    /// created before other hosted services start, its <see cref="SqliteWriter"/>, and a <c>/health</c> check.
    /// Connections get a page cache of <paramref name="pageCacheMegabytes"/>.
    /// </summary>
    public static IHostApplicationBuilder AddSqliteDatabase(this IHostApplicationBuilder builder, string connectionName, string schema, int pageCacheMegabytes = SqliteDatabaseOptions.DefaultPageCacheMegabytes)
    {
        builder.Services.AddOptions<SqliteDatabaseOptions>()
            .Configure(options =>
            {
                options.ConnectionName = connectionName;
                options.ConnectionString = builder.Configuration.GetConnectionString(connectionName);
                options.Schema = schema;
                options.PageCacheMegabytes = pageCacheMegabytes;
            })
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SqliteDatabaseOptions>, SqliteDatabaseOptionsValidator>();
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SqliteDatabaseOptions>>().Value;
            return new SqliteDatabase(options.ConnectionName, options.ConnectionString, options.PageCacheMegabytes);
        });
        builder.Services.AddSingleton<SqliteWriter>();
        builder.Services.AddSingleton<StoreReadiness>();
        builder.Services.AddHostedService<SqliteSchemaInitializer>();
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(connectionName,
            sp => new SqliteHealthCheck(sp.GetRequiredService<SqliteDatabase>()), failureStatus: null, tags: ["ready"]));
        return builder;
    }
}
