namespace Signups.AppHost.Hosting;

/// <summary>How to launch a service's entry assembly: the same dotnet that runs the AppHost, in a session of its own.</summary>
internal static class DotnetHost
{
    private const string SetSid = "/usr/bin/setsid";
    private const string SetPriv = "/usr/bin/setpriv";

    /// <summary>The dotnet executable.</summary>
    public static string Path { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath
        ? hostPath
        : Environment.ProcessPath is { } processPath && System.IO.Path.GetFileNameWithoutExtension(processPath) == "dotnet"
            ? processPath
            : "dotnet";

    /// <summary>
    /// The program and arguments that run <paramref name="assemblyPath"/>. On Linux the service gets a session of
    /// its own (setsid): Ctrl+C in a terminal signals the whole foreground process group, and the AppHost must
    /// decide the order in which services hear of it (producer first, workers after). It also gets SIGTERM if the
    /// AppHost dies (setpriv --pdeathsig), so a killed AppHost leaves no service behind: they drain and exit.
    /// </summary>
    public static (string FileName, IEnumerable<string> Arguments) Command(string assemblyPath, IEnumerable<string> arguments)
    {
        IEnumerable<string> run = [Path, assemblyPath, .. arguments];
        if (File.Exists(SetPriv))
        {
            run = ["--pdeathsig", "TERM", "--", .. run];
            return File.Exists(SetSid) ? (SetSid, [SetPriv, .. run]) : (SetPriv, run);
        }

        return File.Exists(SetSid) ? (SetSid, run) : (run.First(), run.Skip(1));
    }
}
