namespace Signups.AppHost.Hosting;

/// <summary>The last answer of a replica's <c>/health</c> endpoint.</summary>
public enum HealthState
{
    Unknown,
    Healthy,
    Unhealthy,
}
