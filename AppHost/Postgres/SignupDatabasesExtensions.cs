namespace Signups.AppHost.Postgres;

/// <summary>Where the services keep their data: SQLite files (the default), or PostgreSQL (<c>--store postgres</c>).</summary>
internal static class SignupDatabasesExtensions
{
    public static SignupDatabases AddSignupDatabases(this IDistributedApplicationBuilder builder, AppHostSettings settings)
    {
        if (settings.Store == SignupStore.Sqlite)
        {
            // When publishing these are secret connection-string parameters: give them PostgreSQL connection strings (docs/deploy.md).
            return new(
                builder.AddSqliteDatabase("users-db", Path.Combine(settings.DataPath, "users.db")),
                builder.AddSqliteDatabase("analytics-db", Path.Combine(settings.DataPath, "analytics.db")),
                builder.AddSqliteDatabase("idempotency-db", Path.Combine(settings.DataPath, "idempotency.db")));
        }

        if (builder.ExecutionContext.IsPublishMode)
        {
            // The deployment's own server, the Aspire way; never the local one below.
            var deployed = builder.AddPostgres("postgres").WithDataVolume();
            return new(deployed.AddDatabase("users-db", "users"), deployed.AddDatabase("analytics-db", "analytics"), deployed.AddDatabase("idempotency-db", "idempotency"));
        }

        var postgres = builder.AddLocalPostgres("postgres", Path.Combine(settings.DataPath, "postgres"), settings.Postgres!);
        return new(postgres.AddDatabase("users-db", "users"), postgres.AddDatabase("analytics-db", "analytics"), postgres.AddDatabase("idempotency-db", "idempotency"));
    }

    /// <summary>
    /// <c>ConnectionStrings__{database}</c> for the service; with PostgreSQL it also waits for the database, which puts the
    /// server after the service in the ordered stop.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDatabase(this IResourceBuilder<ProjectResource> service, IResourceBuilder<IResourceWithConnectionString> database)
    {
        service.WithReference(database);
        // A server's database (a child resource) has a state and a health check; a SQLite connection string has neither.
        return database.Resource is IResourceWithParent ? service.WaitFor(database) : service;
    }
}
