using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Signups.ServiceDefaults.Health;
using Signups.ServiceDefaults.Resilience;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The Aspire template's service defaults: OpenTelemetry, health checks, service discovery and resilience. What
/// Signups adds is marked and kept to the end of <see cref="AddServiceDefaults{TBuilder}"/>: console logging that reads
/// well behind the AppHost, the store's retry pipeline, and a shutdown timeout that leaves room to drain.
/// </summary>
public static class Extensions
{
    private const string HealthEndpointPath = "/health";
    private const string AlivenessEndpointPath = "/alive";

    // Signups: the workers' counters, which the pipeline page polls every second.
    private const string StatsEndpointPath = "/stats";
    private static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Adds telemetry, health checks, service discovery, resilience and logging defaults.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // Signups: a POST goes out once; retrying it could do its work twice.
            http.AddStandardResilienceHandler(resilience => resilience.Retry.DisableForUnsafeHttpMethods());
            http.AddServiceDiscovery();
        });

        // Signups: what the template does not have.
        builder.AddConsoleLogDefaults();
        builder.AddStoreResilience();
        builder.Services.Configure<HostOptions>(host =>
        {
            // Draining must finish inside the host's shutdown timeout, and that inside the AppHost's grace period.
            if (builder.Configuration["ShutdownTimeoutSeconds"] is null)
            {
                host.ShutdownTimeout = DefaultShutdownTimeout;
            }
        });
        return builder;
    }

    /// <summary>
    /// OpenTelemetry logging, metrics (ASP.NET Core, HttpClient, runtime) and tracing (ASP.NET Core without the health
    /// probes, HttpClient, the service's own source). Integrations add their own sources and meters (the Kafka clients
    /// add <c>Signups.Messaging</c>).
    /// </summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation())
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddAspNetCoreInstrumentation(aspNetCore =>
                    // The AppHost probes every few seconds and the pipeline page polls; such spans would bury the ones
                    // people look for.
                    aspNetCore.Filter = context => !context.Request.Path.StartsWithSegments(HealthEndpointPath)
                        && !context.Request.Path.StartsWithSegments(AlivenessEndpointPath)
                        && !context.Request.Path.StartsWithSegments(StatsEndpointPath))
                .AddHttpClientInstrumentation());

        builder.AddOpenTelemetryExporters();
        return builder;
    }

    /// <summary>The <c>self</c> liveness check.</summary>
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [HealthCheckTags.Live]);
        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> (every check: ready to work) and <c>/alive</c> (live checks only: the process answers), each
    /// answering with the checks' statuses and descriptions. Unlike the template's, they are mapped in every
    /// environment: the AppHost waits on them and a container platform probes them.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthEndpointPath, new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(HealthCheckTags.Live),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        return app;
    }

    private static TBuilder AddOpenTelemetryExporters<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    // One line per entry with a timestamp. Left out: the health-check service's error on every failed probe (the AppHost
    // probes often while a worker joins its group), HttpClient's line per request (each OTLP export would log again) and
    // Npgsql's line per command.
    private static void AddConsoleLogDefaults(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
        });
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.Critical);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);

        // Polly's telemetry logs each handled failure with its stack trace; the store pipeline logs its retries in one line.
        builder.Logging.AddFilter("Polly", LogLevel.Error);

        // Npgsql logs every command it executes at Information (a line per batch, with the batch's whole text); its
        // tracing (Aspire.Npgsql) already shows each command as a span. Failures are the store pipeline's line.
        builder.Logging.AddFilter("Npgsql", LogLevel.Warning);
    }
}
