using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Signups.ServiceDefaults.Telemetry;

/// <summary>
/// OpenTelemetry for a service: traces, metrics and logs, exported over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the exporter reads the other <c>OTEL_*</c> variables itself).
/// Code can add exporters or processors by registering <see cref="Action{TracerProviderBuilder}"/> or
/// <see cref="Action{MeterProviderBuilder}"/> singletons (tests use this for in-memory exporters).
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>The variable that switches OTLP export on, as Aspire sets it.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Adds OpenTelemetry tracing, metrics and logging to the service.</summary>
    public static IHostApplicationBuilder ConfigureOpenTelemetry(this IHostApplicationBuilder builder)
    {
        var exportOtlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]);
        var resource = ResourceBuilder.CreateDefault();
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_SERVICE_NAME"]))
        {
            resource.AddService(builder.Environment.ApplicationName);
        }

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            logging.SetResourceBuilder(resource);
            if (exportOtlp)
            {
                logging.AddOtlpExporter();
            }
        });

        builder.Services.AddSingleton(sp =>
        {
            var tracing = sp.GetServices<Action<TracerProviderBuilder>>().ToList();
            var metrics = sp.GetServices<Action<MeterProviderBuilder>>().ToList();
            // Without an exporter nobody reads the data: build no provider and keep the per-message path free of spans.
            return new ServiceTelemetry(
                exportOtlp || tracing.Count > 0 ? BuildTracing(resource, exportOtlp, tracing) : null,
                exportOtlp || metrics.Count > 0 ? BuildMetrics(resource, exportOtlp, metrics) : null);
        });
        builder.Services.AddHostedService<ServiceTelemetryStarter>();
        return builder;
    }

    private static TracerProvider BuildTracing(ResourceBuilder resource, bool exportOtlp, List<Action<TracerProviderBuilder>> configure)
    {
        var tracing = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource(TelemetryNames.ActivitySources);
        if (exportOtlp)
        {
            tracing.AddOtlpExporter();
        }

        configure.ForEach(c => c(tracing));
        return tracing.Build();
    }

    private static MeterProvider BuildMetrics(ResourceBuilder resource, bool exportOtlp, List<Action<MeterProviderBuilder>> configure)
    {
        var metrics = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(TelemetryNames.Meters);
        if (exportOtlp)
        {
            metrics.AddOtlpExporter();
        }

        configure.ForEach(c => c(metrics));
        return metrics.Build();
    }
}
