using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Signups.ServiceDefaults.Telemetry;

/// <summary>
/// The process's tracer and meter providers. OpenTelemetry.Extensions.Hosting is not available here, so
/// the providers are built by hand and owned by the container, which flushes them when the host is disposed.
/// </summary>
internal sealed class ServiceTelemetry(TracerProvider? tracerProvider, MeterProvider? meterProvider) : IDisposable
{
    public void Dispose()
    {
        tracerProvider?.Dispose();
        meterProvider?.Dispose();
    }
}
