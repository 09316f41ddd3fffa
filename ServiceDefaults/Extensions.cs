using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Signups.ServiceDefaults.Health;
using Signups.ServiceDefaults.Resilience;
using Signups.ServiceDefaults.Telemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every Signups service adds first, as in an Aspire solution's ServiceDefaults project:
/// OpenTelemetry, health checks, resilience and console logging that reads well behind the AppHost.
/// </summary>
public static class Extensions
{
    private static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Adds telemetry, health checks, resilience pipelines and logging defaults.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
        });

        // An unhealthy check is logged as an error on every probe, and the AppHost probes often while a worker
        // joins its group. Health is visible at /health and on the dashboard instead.
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.Critical);

        // HttpClient logs every request at Information, the OTLP exporter's own included (each export would log again).
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.ConfigureOpenTelemetry();
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [HealthCheckTags.Live]);
        builder.AddDefaultResilience();

        // Draining must finish inside the host's shutdown timeout, and that inside the AppHost's grace period (30 s).
        builder.Services.Configure<HostOptions>(host =>
        {
            if (builder.Configuration["ShutdownTimeoutSeconds"] is null)
            {
                host.ShutdownTimeout = DefaultShutdownTimeout;
            }
        });
        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> (every check: ready to work) and <c>/alive</c> (live checks only: the process
    /// answers), and names request spans by route. Unlike Aspire's template the endpoints are mapped in every
    /// environment: the AppHost waits on them.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseHttpRequestSpans();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapHealthChecks("/alive", new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(HealthCheckTags.Live),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        return app;
    }
}
