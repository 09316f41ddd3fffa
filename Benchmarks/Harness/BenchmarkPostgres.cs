using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Signups.AppHost.Postgres;

namespace Signups.Benchmarks.Harness;

/// <summary>
/// A PostgreSQL server of the run's own, from the machine's binaries with the settings the AppHost gives its server
/// (initialised as the AppHost does, loopback, no Unix socket, PostgreSQL's defaults otherwise: fsync and synchronous commit on).
/// </summary>
internal sealed class BenchmarkPostgres : IAsyncDisposable
{
    // The run's own throwaway cluster, on loopback.
    private const string Password = "benchmark";

    private readonly Process _server;

    private BenchmarkPostgres(Process server, int port)
    {
        _server = server;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Password={Password};Database={database}";

    public static async Task<BenchmarkPostgres> StartAsync(string directory, CancellationToken cancellationToken)
    {
        var installation = PostgresInstallation.Find(null);
        PostgresCluster.Initialise(installation, directory);
        PostgresCluster.SetPassword(installation, directory, Password);

        var port = FreePort.Next();
        var (postgres, arguments) = installation.Command(installation.Postgres, "-D", directory, "-p", port.ToString(CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=300");
        var start = new ProcessStartInfo(postgres) { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ForEach(start.ArgumentList.Add);
        var server = new BenchmarkPostgres(Process.Start(start) ?? throw new InvalidOperationException("postgres did not start."), port);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(server.ConnectionString("postgres"));
                await connection.OpenAsync(cancellationToken);
                return server;
            }
            catch (NpgsqlException) when (clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    public async Task CreateDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        // SIGINT: PostgreSQL's fast shutdown.
        using (var interrupt = Process.Start("kill", ["-INT", _server.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }

        await _server.WaitForExitAsync();
        _server.Dispose();
    }
}
