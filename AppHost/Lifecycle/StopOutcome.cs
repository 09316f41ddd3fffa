namespace Signups.AppHost.Lifecycle;

/// <summary>How one replica ended in the ordered stop.</summary>
/// <param name="Replica">The replica's resource id (its name in the dashboard).</param>
/// <param name="Resource">The resource it is a replica of.</param>
/// <param name="ExitCode">Its exit code; null when it never ran or did not stop in time.</param>
/// <param name="SignalledAt">When its stop was asked for.</param>
/// <param name="ExitedAt">When it was seen stopped.</param>
internal sealed record StopOutcome(string Replica, string Resource, int? ExitCode, DateTimeOffset SignalledAt, DateTimeOffset ExitedAt)
{
    /// <summary>Stopped by itself with 0.</summary>
    public bool IsClean => ExitCode == 0;

    public override string ToString() =>
        $"{Replica}: {(ExitCode is { } code ? $"exit code {code}" : "did not stop")} after {(ExitedAt - SignalledAt).TotalSeconds:0.0} s";
}
