using System.Diagnostics;
using Npgsql;
using Signups.AppHost.Postgres;

namespace Signups.IntegrationTests.Infrastructure;

/// <summary>
/// The cluster a stopped graph left in its data directory, served again on a port of the test's own, so the test can read
/// what the drain stored after the AppHost stopped its PostgreSQL.
/// </summary>
internal sealed class PostgresAfterStop : IAsyncDisposable
{
    private readonly Process _server;

    private PostgresAfterStop(Process server) => _server = server;

    /// <summary>Starts the server on the graph's cluster and points <paramref name="stores"/> at it.</summary>
    public static async Task<PostgresAfterStop> StartAsync(GraphOptions options, StoreInspector stores)
    {
        var installation = PostgresInstallation.Find(null);
        var port = FreePort.Next();
        var (command, arguments) = installation.Command(installation.Postgres,
            "-D", Path.Combine(options.DataPath, "postgres"), "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=");
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ForEach(start.ArgumentList.Add);
        var server = new PostgresAfterStop(Process.Start(start) ?? throw new InvalidOperationException("postgres did not start."));
        string At(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = port }.ConnectionString;
        stores.UsePostgres(At(stores.UsersDb), At(stores.AnalyticsDb));
        await Eventually.WaitAsync("the stopped graph's PostgreSQL answers again", async _ =>
        {
            try
            {
                await using var connection = new NpgsqlConnection(stores.UsersDb + ";Pooling=False");
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                return true;
            }
            catch (NpgsqlException)
            {
                return false;
            }
        }, up => up, TimeSpan.FromSeconds(30));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        // A throwaway reader of a test's own cluster: no shutdown to wait for.
        _server.Kill();
        await _server.WaitForExitAsync();
        _server.Dispose();
    }
}
