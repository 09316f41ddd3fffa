namespace Signups.AppHost.Lifecycle;

/// <summary>A replica of this resource that exits with a code other than 0 is started again (<see cref="CrashRestarter"/>).</summary>
internal sealed record CrashRestartAnnotation(TimeSpan FirstDelay, TimeSpan MaxDelay) : IResourceAnnotation;
