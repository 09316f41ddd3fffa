namespace Signups.AppHost.Postgres;

/// <summary>
/// The cluster under the data directory: initialised once (<c>initdb</c>), and its superuser's password set to the secret
/// parameter's value at every start, in single-user mode before the server runs, so a changed or regenerated secret
/// never locks the AppHost out of its own data.
/// </summary>
internal static class PostgresCluster
{
    public static void Prepare(PostgresLocalServerResource server, string password)
    {
        Initialise(server.Installation, server.DataDirectory);
        SetPassword(server.Installation, server.DataDirectory, password);
    }

    /// <summary>Runs <c>initdb</c> on <paramref name="directory"/> unless it holds a cluster already.</summary>
    public static void Initialise(PostgresInstallation installation, string directory)
    {
        if (File.Exists(Path.Combine(directory, "PG_VERSION")))
        {
            return;
        }

        Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows())
        {
            // PostgreSQL refuses a data directory others may read.
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        installation.Own(directory);
        // The server opens no Unix socket (TCP on loopback only), so "trust" for local logins admits nobody; remote ones need the password.
        var (initdb, arguments) = installation.Command(installation.Initdb,
            "-D", directory, "-U", PostgresLocalServerResource.UserName, "-E", "UTF8", "--locale=C", "--auth-local=trust", "--auth-host=scram-sha-256");
        PostgresInstallation.Run(initdb, arguments);
    }

    /// <summary>Sets the superuser's password in single-user mode; the server must not be running.</summary>
    public static void SetPassword(PostgresInstallation installation, string directory, string password)
    {
        var (postgres, arguments) = installation.Command(installation.Postgres, "--single", "-D", directory, "postgres");
        PostgresInstallation.Run(postgres, arguments, $"ALTER ROLE {PostgresLocalServerResource.UserName} PASSWORD '{password.Replace("'", "''", StringComparison.Ordinal)}';\n");
    }
}
