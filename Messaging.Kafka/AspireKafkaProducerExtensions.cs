using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Signups.Messaging.Kafka;
using Signups.Messaging.Kafka.Configuration;
using Signups.Messaging.Kafka.Native;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// <c>AddKafkaProducer</c> with Aspire.Confluent.Kafka's shape (which the registry does not serve), so that the real
/// package is a csproj edit away: bootstrap servers from <c>ConnectionStrings:{connectionName}</c>, settings from
/// <c>Aspire:Confluent:Kafka:Producer</c>, a singleton <see cref="IProducer{TKey,TValue}"/>, the health check
/// <c>Aspire.Confluent.Kafka.Producer</c>, logs and metrics. What Aspire lacks is added by separate calls
/// (<see cref="KafkaClientExtrasExtensions"/>).
/// </summary>
public static class AspireKafkaProducerExtensions
{
    /// <summary>The health check's name, as Aspire.Confluent.Kafka names it.</summary>
    public const string HealthCheckName = "Aspire.Confluent.Kafka.Producer";

    /// <summary>Registers a singleton <see cref="IProducer{TKey,TValue}"/> for the Kafka named <paramref name="connectionName"/>.</summary>
    public static void AddKafkaProducer<TKey, TValue>(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<KafkaProducerSettings>? configureSettings = null,
        Action<IServiceProvider, ProducerBuilder<TKey, TValue>>? configureBuilder = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionName);
        var settings = KafkaClientRegistration.AddSettings<KafkaProducerSettings, ProducerConfig>(builder, KafkaProducerSettings.SectionName, connectionName, configureSettings);
        builder.Services.AddSingleton(sp =>
        {
            Librdkafka.EnsureAvailable();
            var options = sp.GetRequiredService<IOptions<KafkaProducerSettings>>().Value;
            var diagnostics = KafkaClientRegistration.Diagnostics(sp, "producer", null);
            var producerBuilder = new ProducerBuilder<TKey, TValue>(options.Config)
                .SetLogHandler((_, message) => diagnostics.OnLog(message))
                .SetErrorHandler((_, error) => diagnostics.OnError(error));
            if (!options.DisableMetrics)
            {
                producerBuilder.SetStatisticsHandler((_, json) => diagnostics.OnStatistics(json));
            }

            configureBuilder?.Invoke(sp, producerBuilder);
            return producerBuilder.Build();
        });

        if (!settings.DisableHealthChecks)
        {
            KafkaClientRegistration.AddHealthCheck(builder, HealthCheckName, sp => sp.GetRequiredService<IProducer<TKey, TValue>>().Handle);
        }
    }
}
