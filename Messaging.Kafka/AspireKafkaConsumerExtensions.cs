using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Signups.Messaging.Kafka;
using Signups.Messaging.Kafka.Configuration;
using Signups.Messaging.Kafka.Native;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// <c>AddKafkaConsumer</c> with Aspire.Confluent.Kafka's shape (which the registry does not serve), so that the real
/// package is a csproj edit away: bootstrap servers from <c>ConnectionStrings:{connectionName}</c>, settings from
/// <c>Aspire:Confluent:Kafka:Consumer</c>, a singleton <see cref="IConsumer{TKey,TValue}"/> built when first resolved,
/// the health check <c>Aspire.Confluent.Kafka.Consumer</c>, logs and metrics.
/// </summary>
public static class AspireKafkaConsumerExtensions
{
    /// <summary>The health check's name, as Aspire.Confluent.Kafka names it.</summary>
    public const string HealthCheckName = "Aspire.Confluent.Kafka.Consumer";

    /// <summary>Registers a singleton <see cref="IConsumer{TKey,TValue}"/> for the Kafka named <paramref name="connectionName"/>.</summary>
    /// <param name="builder">The host to register it in.</param>
    /// <param name="connectionName">The connection string's name (<c>ConnectionStrings:{connectionName}</c>).</param>
    /// <param name="configureSettings">Changes the settings after they are read from configuration.</param>
    /// <param name="configureBuilder">Adds what the caller needs to the consumer's builder (rebalance handlers, deserializers).</param>
    public static void AddKafkaConsumer<TKey, TValue>(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<KafkaConsumerSettings>? configureSettings = null,
        Action<IServiceProvider, ConsumerBuilder<TKey, TValue>>? configureBuilder = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionName);
        var settings = KafkaClientRegistration.AddSettings<KafkaConsumerSettings, ConsumerConfig>(builder, KafkaConsumerSettings.SectionName, connectionName, configureSettings);
        builder.Services.AddSingleton(sp =>
        {
            Librdkafka.EnsureAvailable();
            var options = sp.GetRequiredService<IOptions<KafkaConsumerSettings>>().Value;
            var diagnostics = KafkaClientRegistration.Diagnostics(sp, "consumer", options.Config.GroupId);
            var consumerBuilder = new ConsumerBuilder<TKey, TValue>(options.Config)
                .SetLogHandler((_, message) => diagnostics.OnLog(message))
                .SetErrorHandler((_, error) => diagnostics.OnError(error));
            if (!options.DisableMetrics)
            {
                consumerBuilder.SetStatisticsHandler((_, json) => diagnostics.OnStatistics(json));
            }

            configureBuilder?.Invoke(sp, consumerBuilder);
            return consumerBuilder.Build();
        });

        if (!settings.DisableHealthChecks)
        {
            KafkaClientRegistration.AddHealthCheck(builder, HealthCheckName, sp => sp.GetRequiredService<IConsumer<TKey, TValue>>().Handle);
        }
    }
}
