using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Signups.Messaging.Kafka.Configuration;
using Signups.Messaging.Kafka.Diagnostics;

namespace Signups.Messaging.Kafka;

/// <summary>
/// What registering a producer and a consumer share: settings bound and validated on start, their spans and
/// Aspire.Confluent.Kafka's metrics, the diagnostics (logs, errors, statistics) every client is built with.
/// </summary>
internal static class KafkaClientRegistration
{
    private const int DefaultStatisticsIntervalMs = 2000;
    private static readonly TimeSpan HealthProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>A health check named <paramref name="name"/> that asks for metadata through the client's own handle.</summary>
    public static void AddHealthCheck(IHostApplicationBuilder builder, string name, Func<IServiceProvider, Handle> handle) =>
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(name,
            sp => new KafkaHealthCheck(() => handle(sp), HealthProbeTimeout), failureStatus: null, tags: ["ready"]));

    // Binds once now (the Disable* switches decide what is registered) and again through the options
    // pipeline, which validates on start.
    public static TSettings AddSettings<TSettings, TConfig>(
        IHostApplicationBuilder builder,
        string sectionName,
        string connectionName,
        Action<TSettings>? configureSettings)
        where TSettings : KafkaClientSettings<TConfig>, new()
        where TConfig : ClientConfig, new()
    {
        void Configure(TSettings settings)
        {
            KafkaSettingsBinder.Bind(settings, builder.Configuration, sectionName, connectionName);
            settings.Config.ClientId ??= builder.Environment.ApplicationName;
            configureSettings?.Invoke(settings);
            KafkaSettingsBinder.ApplyConnectionString(settings);
            if (!settings.DisableMetrics)
            {
                settings.Config.StatisticsIntervalMs ??= DefaultStatisticsIntervalMs;
            }
        }

        // A setting the binder cannot convert fails here too; the validated start reports it in one line.
        var settings = new TSettings();
        try
        {
            Configure(settings);
        }
        catch (InvalidOperationException)
        {
            settings = new TSettings();
        }

        // Its spans and metrics, picked up by ServiceDefaults' OpenTelemetry providers (as Aspire's integrations do).
        if (!settings.DisableTracing)
        {
            builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddSource(KafkaTelemetry.ActivitySourceName));
        }

        if (!settings.DisableMetrics)
        {
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(KafkaTelemetry.AspireMeterName));
            builder.Services.TryAddSingleton<KafkaMetrics>();
        }

        builder.Services.AddOptions<TSettings>().Configure(Configure).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TSettings>, KafkaSettingsValidator<TSettings, TConfig>>());
        AddStatistics(builder.Services);
        return settings;
    }

    public static void AddStatistics(IServiceCollection services)
    {
        services.TryAddSingleton<KafkaClientRegistry>();
        services.TryAddSingleton<KafkaStatisticsChannel>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, KafkaStatisticsReader>());
    }

    public static KafkaClientDiagnostics Diagnostics(IServiceProvider services, string kind, string? consumerGroup)
    {
        var diagnostics = new KafkaClientDiagnostics(kind, consumerGroup, services.GetRequiredService<KafkaStatisticsChannel>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger("Librdkafka"));
        services.GetRequiredService<KafkaClientRegistry>().Add(diagnostics);

        // Observable instruments exist once their owner does.
        _ = services.GetService<KafkaMetrics>();
        _ = services.GetService<KafkaClientMetrics>();
        return diagnostics;
    }
}
