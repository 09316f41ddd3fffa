namespace Signups.AppHost;

/// <summary>Where the AppHost's own entry assembly is, for tools that launch it as a process (the benchmark).</summary>
public static class AppHostLocation
{
    public static string Assembly => typeof(AppHostLocation).Assembly.Location;
}
