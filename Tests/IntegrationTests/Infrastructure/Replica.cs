using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Signups.IntegrationTests.Infrastructure;

/// <summary>One replica (DCP instance) of a resource as the test last saw it.</summary>
/// <param name="Id">Its resource id, e.g. <c>stream-worker-abcdefgh</c>.</param>
/// <param name="State">Aspire's state (<c>Running</c>, <c>Finished</c>, …).</param>
/// <param name="Health">Its health, once checked.</param>
/// <param name="ProcessId">The service's process while it runs.</param>
/// <param name="Restarts">Starts after the first.</param>
/// <param name="LastExitCode">The exit code of its last process.</param>
internal sealed record Replica(string Id, string? State, HealthStatus? Health, int? ProcessId, int Restarts, int? LastExitCode)
{
    public bool IsRunning => State == KnownResourceStates.Running;

    public bool IsHealthy => IsRunning && Health == HealthStatus.Healthy;

    public bool IsStopped => State is { } state && KnownResourceStates.TerminalStates.Contains(state);

    /// <summary>Where the replica itself serves HTTP (not Aspire's proxy in front of all replicas): its <c>ASPNETCORE_URLS</c>.</summary>
    public Uri? Endpoint
    {
        get
        {
            return ProcessId is { } pid ? Signups.AppHost.Lifecycle.ServiceProcess.HttpEndpoint(pid) : null;
        }
    }
}
