namespace Signups.AppHost.Hosting;

/// <summary>How one replica ended when the AppHost stopped it.</summary>
/// <param name="Name">Replica name.</param>
/// <param name="ExitCode">Its exit code; null when it never ran.</param>
/// <param name="Killed">True when it was still running at the end of the grace period and got SIGKILL.</param>
/// <param name="Duration">From the stop request to the process's exit.</param>
/// <param name="Note">What happened, for the summary line.</param>
/// <param name="SignalledAt">When SIGTERM was sent; null when the process was not running.</param>
/// <param name="ExitedAt">When the process was seen to exit; null when it was not running.</param>
public sealed record StopOutcome(string Name, int? ExitCode, bool Killed, TimeSpan Duration, string Note, DateTimeOffset? SignalledAt = null, DateTimeOffset? ExitedAt = null)
{
    /// <summary>Stopped on request within its grace period with exit code 0, or was never running.</summary>
    public bool IsClean => !Killed && ExitCode is null or 0;
}
