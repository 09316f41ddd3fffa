namespace Signups.IntegrationTests.Infrastructure;

/// <summary>How a replica ended when a test stopped it.</summary>
internal sealed record ReplicaStop(string Replica, int? ExitCode, TimeSpan Duration)
{
    /// <summary>DCP killed it (SIGKILL shows as -1 or 137) instead of it exiting by itself.</summary>
    public bool Killed => ExitCode is -1 or 137;

    public string Note => $"{Replica} exited with {ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"} after {Duration.TotalSeconds:0.0} s";
}
