namespace Signups.AppHost.Hosting;

/// <summary>Where a resource or replica is in its life, with Aspire's state names.</summary>
public enum ResourceState
{
    NotStarted,
    Starting,
    Running,
    Restarting,
    Stopping,
    Stopped,
    Exited,
    Finished,
    FailedToStart,
}
