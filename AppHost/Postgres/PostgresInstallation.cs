using System.Diagnostics;

namespace Signups.AppHost.Postgres;

/// <summary>
/// The machine's PostgreSQL server binaries, and the account they run under: PostgreSQL refuses to run as root, so a root
/// AppHost (a container, CI) runs them as the <c>postgres</c> account Debian's package creates.
/// </summary>
internal sealed class PostgresInstallation
{
    private const string Install = "install PostgreSQL's server (Debian/Ubuntu: apt-get install postgresql; macOS: brew install postgresql) or give --postgres-bin <its bin directory>";

    private PostgresInstallation(string binDirectory, string? runAs)
    {
        BinDirectory = binDirectory;
        RunAs = runAs;
    }

    public string BinDirectory { get; }

    /// <summary>The account the server runs as, when the AppHost runs as root; null to run as the AppHost's own.</summary>
    public string? RunAs { get; }

    public string Postgres => Path.Combine(BinDirectory, "postgres");

    public string Initdb => Path.Combine(BinDirectory, "initdb");

    /// <summary>
    /// The binaries in <paramref name="configured"/>, else the newest <c>/usr/lib/postgresql/N/bin</c>, else on <c>PATH</c>;
    /// <see cref="ArgumentException"/> with one line that says what to install when there are none.
    /// </summary>
    public static PostgresInstallation Find(string? configured)
    {
        var candidates = configured is { Length: > 0 }
            ? [configured]
            : Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(VersionOf).Select(d => Path.Combine(d, "bin"))
                    .Concat(PathDirectories()).ToArray()
                : PathDirectories();
        var bin = candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "postgres")) && File.Exists(Path.Combine(d, "initdb")))
            ?? throw new ArgumentException(configured is { Length: > 0 }
                ? $"--store postgres: no initdb and postgres in {configured}; {Install}."
                : $"--store postgres needs PostgreSQL's server binaries (initdb, postgres), found neither in /usr/lib/postgresql/*/bin nor on PATH; {Install}.");
        if (!Environment.IsPrivilegedProcess)
        {
            return new PostgresInstallation(bin, runAs: null);
        }

        return AccountExists("postgres")
            ? new PostgresInstallation(bin, runAs: "postgres")
            : throw new ArgumentException("--store postgres: PostgreSQL does not run as root, and there is no 'postgres' account to run it as; run the AppHost as another user, or create that account (useradd --system postgres).");
    }

    /// <summary>The command and arguments that run <paramref name="program"/> under <see cref="RunAs"/>.</summary>
    public (string Command, List<string> Arguments) Command(string program, params IEnumerable<string> arguments) => RunAs is null
        ? (program, [.. arguments])
        : ("setpriv", [$"--reuid={RunAs}", $"--regid={RunAs}", "--init-groups", "--", program, .. arguments]);

    /// <summary>Gives <paramref name="directory"/> to <see cref="RunAs"/>, which PostgreSQL needs of its data directory.</summary>
    public void Own(string directory)
    {
        if (RunAs is not null)
        {
            Run("chown", ["-R", $"{RunAs}:{RunAs}", directory]);
        }
    }

    /// <summary>Runs a program to its end; its output when it fails, as an <see cref="InvalidOperationException"/>.</summary>
    public static string Run(string command, IEnumerable<string> arguments, string? input = null)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start.");
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output.Result
            : throw new InvalidOperationException($"{Path.GetFileName(command)} exited with {process.ExitCode}: {errors.Trim()} {output.Result.Trim()}".Trim());
    }

    private static Version VersionOf(string directory) =>
        Version.TryParse(Path.GetFileName(directory), out var version) ? version
        : int.TryParse(Path.GetFileName(directory), out var major) ? new Version(major, 0)
        : new Version(0, 0);

    private static string[] PathDirectories() => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);

    private static bool AccountExists(string account) =>
        File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(line => line.StartsWith(account + ":", StringComparison.Ordinal));
}
