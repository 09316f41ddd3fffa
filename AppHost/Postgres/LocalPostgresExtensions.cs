using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Signups.AppHost.Postgres;

/// <summary>
/// <c>builder.AddLocalPostgres("postgres").AddDatabase("users-db", "users")</c>: Aspire.Hosting.PostgreSQL's shape, run from
/// the machine's binaries because no container engine runs here.
/// </summary>
internal static partial class LocalPostgresExtensions
{
    // DCP stops an executable with SIGTERM, which PostgreSQL takes as a "smart" shutdown that waits for every client to
    // disconnect; pooled connections never do. This shell relays SIGTERM as SIGINT (a "fast" shutdown: clients are
    // disconnected, the cluster is checkpointed) and exits with the server's code.
    private const string FastShutdown = """
        "$0" "$@" & pid=$!
        trap 'kill -INT "$pid" 2>/dev/null' TERM INT
        status=0
        while :; do wait "$pid"; status=$?; kill -0 "$pid" 2>/dev/null || break; done
        exit "$status"
        """;

    public static IResourceBuilder<PostgresLocalServerResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, [ResourceName] string name, string dataDirectory, PostgresInstallation installation)
    {
        var password = builder.AddParameter($"{name}-password", new GenerateParameterDefault { MinLength = 22, Special = false }, secret: true, persist: true);
        var (command, arguments) = installation.Command("/bin/sh", "-c", FastShutdown, installation.Postgres);
        var server = new PostgresLocalServerResource(name, command, Path.GetDirectoryName(dataDirectory)!, installation, dataDirectory, password.Resource);

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(server, async (_, ct) =>
            connectionString = await server.ConnectionStringExpression.GetValueAsync(ct));
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, async (_, ct) =>
            PostgresCluster.Prepare(server, await password.Resource.GetValueAsync(ct) ?? throw new InvalidOperationException($"{name}-password has no value.")));
        builder.Eventing.Subscribe<ResourceReadyEvent>(server, async (@event, ct) =>
        {
            await using var connection = new NpgsqlConnection(connectionString + ";Database=postgres");
            await connection.OpenAsync(ct);
            var logger = @event.Services.GetRequiredService<ResourceLoggerService>().GetLogger(server);
            var databases = builder.Resources.OfType<PostgresLocalDatabaseResource>().Where(d => d.Parent == server).ToList();
            foreach (var database in databases)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE {new NpgsqlCommandBuilder().QuoteIdentifier(database.DatabaseName)}", connection);
                try
                {
                    await create.ExecuteNonQueryAsync(ct);
                    LogCreated(logger, database.DatabaseName);
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
                {
                    // Made by an earlier run: the cluster lives in the data directory.
                }
            }

            // Aspire carries a container's state to its databases, not an executable's: they run once they exist.
            var notifications = @event.Services.GetRequiredService<ResourceNotificationService>();
            foreach (var database in databases)
            {
                await notifications.PublishUpdateAsync(database, snapshot => snapshot with { State = KnownResourceStates.Running, StartTimeStamp = DateTime.UtcNow });
            }
        });

        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().AddNpgSql(_ => (connectionString ?? throw new InvalidOperationException($"{name} has no connection string yet.")) + ";Database=postgres", name: healthCheck);

        return builder.AddResource(server)
            .WithArgs([.. arguments])
            .WithArgs(context =>
            {
                context.Args.Add("-D");
                context.Args.Add(dataDirectory);
                context.Args.Add("-p");
                context.Args.Add(server.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
                foreach (var setting in (string[])["listen_addresses=127.0.0.1", "unix_socket_directories=", "max_connections=300"])
                {
                    context.Args.Add("-c");
                    context.Args.Add(setting);
                }
            })
            .WithEndpoint(name: PostgresLocalServerResource.PrimaryEndpointName, scheme: "tcp")
            .WithIconName("DatabaseMultiple")
            .WithHealthCheck(healthCheck)
            .ExcludeFromManifest();
    }

    public static IResourceBuilder<PostgresLocalDatabaseResource> AddDatabase(
        this IResourceBuilder<PostgresLocalServerResource> builder, [ResourceName] string name, string databaseName)
    {
        var database = new PostgresLocalDatabaseResource(name, databaseName, builder.Resource);
        string? connectionString = null;
        builder.ApplicationBuilder.Eventing.Subscribe<ConnectionStringAvailableEvent>(database, async (_, ct) =>
            connectionString = await database.ConnectionStringExpression.GetValueAsync(ct));
        var healthCheck = $"{name}_check";
        builder.ApplicationBuilder.Services.AddHealthChecks().AddNpgSql(_ => connectionString ?? throw new InvalidOperationException($"{name} has no connection string yet."), name: healthCheck);
        return builder.ApplicationBuilder.AddResource(database).WithHealthCheck(healthCheck).ExcludeFromManifest();
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Created database {Database}")]
    private static partial void LogCreated(ILogger logger, string database);
}
