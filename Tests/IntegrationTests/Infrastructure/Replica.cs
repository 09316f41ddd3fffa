using System.Text;
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
            if (ProcessId is not { } pid)
            {
                return null;
            }

            try
            {
                var environment = File.ReadAllText($"/proc/{pid}/environ", Encoding.UTF8).Split('\0');
                var urls = environment.FirstOrDefault(v => v.StartsWith("ASPNETCORE_URLS=", StringComparison.Ordinal));
                return urls is null ? null : new Uri(urls["ASPNETCORE_URLS=".Length..].Split(';')[0].Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
            }
            catch (IOException)
            {
                return null;
            }
        }
    }
}
