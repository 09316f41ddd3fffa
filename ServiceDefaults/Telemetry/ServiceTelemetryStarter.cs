using Microsoft.Extensions.Hosting;

namespace Signups.ServiceDefaults.Telemetry;

/// <summary>Builds the telemetry providers before any other hosted service starts, so no early span or metric is missed.</summary>
internal sealed class ServiceTelemetryStarter(ServiceTelemetry telemetry) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(telemetry);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
