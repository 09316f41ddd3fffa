using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Signups.Messaging.Kafka;
using Signups.Messaging.Kafka.Configuration;
using Signups.Messaging.Kafka.Diagnostics;
using Signups.Messaging.Kafka.Native;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Registers Kafka clients the way Aspire.Confluent.Kafka does: bootstrap servers from
/// <c>ConnectionStrings:{connectionName}</c>, client settings from <c>Aspire:Confluent:Kafka:Producer|Consumer</c>,
/// validated when the host starts, with a health check, metrics and logs.
/// </summary>
public static class KafkaHostingExtensions
{
    /// <summary>The connection name the AppHost gives the Kafka resource.</summary>
    public const string DefaultConnectionName = "kafka";

    private const int DefaultStatisticsIntervalMs = 2000;
    private static readonly TimeSpan HealthProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Registers a singleton <see cref="IProducer{TKey,TValue}"/>.</summary>
    public static IHostApplicationBuilder AddKafkaProducer<TKey, TValue>(
        this IHostApplicationBuilder builder,
        string connectionName = DefaultConnectionName,
        Action<KafkaProducerSettings>? configureSettings = null,
        Action<IServiceProvider, ProducerBuilder<TKey, TValue>>? configureBuilder = null)
    {
        var settings = AddSettings<KafkaProducerSettings, ProducerConfig>(builder, KafkaProducerSettings.SectionName, connectionName, configureSettings);
        builder.Services.AddSingleton(sp => Diagnostics(sp, "producer", null));
        builder.Services.AddSingleton(sp =>
        {
            Librdkafka.EnsureAvailable();
            var options = sp.GetRequiredService<IOptions<KafkaProducerSettings>>().Value;
            var diagnostics = sp.GetRequiredService<KafkaClientDiagnostics>();
            var producerBuilder = new ProducerBuilder<TKey, TValue>(options.Config)
                .SetLogHandler((_, message) => diagnostics.OnLog(message))
                .SetErrorHandler((_, error) => diagnostics.OnError(error))
                .SetStatisticsHandler((_, json) => diagnostics.OnStatistics(json));
            configureBuilder?.Invoke(sp, producerBuilder);
            return producerBuilder.Build();
        });

        if (!settings.DisableHealthChecks)
        {
            builder.Services.AddHealthChecks().Add(new HealthCheckRegistration("kafka-producer",
                sp => new KafkaHealthCheck(() => sp.GetRequiredService<IProducer<TKey, TValue>>().Handle, HealthProbeTimeout),
                failureStatus: null, tags: ["ready"]));
        }

        return builder;
    }

    /// <summary>Registers a <see cref="KafkaConsumerFactory{TKey,TValue}"/> that the consume loop builds its consumer with.</summary>
    public static IHostApplicationBuilder AddKafkaConsumer<TKey, TValue>(
        this IHostApplicationBuilder builder,
        string connectionName = DefaultConnectionName,
        Action<KafkaConsumerSettings>? configureSettings = null)
    {
        var settings = AddSettings<KafkaConsumerSettings, ConsumerConfig>(builder, KafkaConsumerSettings.SectionName, connectionName, configureSettings);
        builder.Services.AddSingleton(sp => new KafkaConsumerFactory<TKey, TValue>(
            sp.GetRequiredService<IOptions<KafkaConsumerSettings>>().Value,
            Diagnostics(sp, "consumer", settings.Config.GroupId)));

        if (!settings.DisableHealthChecks)
        {
            builder.Services.AddHealthChecks().Add(new HealthCheckRegistration("kafka-consumer",
                sp => new KafkaHealthCheck(
                    () => sp.GetRequiredService<KafkaConsumerFactory<TKey, TValue>>().Current?.Handle
                        ?? throw new KafkaException(new Error(ErrorCode.Local_State, "the consumer has not started")),
                    HealthProbeTimeout),
                failureStatus: null, tags: ["ready"]));
        }

        return builder;
    }

    // Binds once now (the Disable* switches decide what is registered) and again through the options
    // pipeline, which validates on start.
    private static TSettings AddSettings<TSettings, TConfig>(
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
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(KafkaTelemetry.MeterName));
        }

        builder.Services.AddOptions<TSettings>().Configure(Configure).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TSettings>, KafkaSettingsValidator<TSettings, TConfig>>();
        builder.Services.TryAddSingleton<KafkaMetrics>();
        return settings;
    }

    private static KafkaClientDiagnostics Diagnostics(IServiceProvider services, string kind, string? consumerGroup)
    {
        var diagnostics = new KafkaClientDiagnostics(kind, consumerGroup,
            services.GetRequiredService<ILoggerFactory>().CreateLogger("Librdkafka"));
        services.GetRequiredService<KafkaMetrics>().Track(diagnostics);
        return diagnostics;
    }
}
