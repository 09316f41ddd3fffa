using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Signups.Messaging.Kafka;
using Signups.Messaging.Kafka.Configuration;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// <c>AddKafkaConsumer</c> with Aspire.Confluent.Kafka's shape: bootstrap servers from
/// <c>ConnectionStrings:{connectionName}</c>, settings from <c>Aspire:Confluent:Kafka:Consumer</c>, the health check
/// <c>Aspire.Confluent.Kafka.Consumer</c>, logs, metrics and the client's spans. Where it differs: what it registers is a
/// <see cref="KafkaConsumerFactory{TKey,TValue}"/>, not Aspire's singleton <c>IConsumer</c>, because the consume loop
/// owns its consumer's life (rebalance handlers, a close bounded in time; README "The Kafka client, and Aspire.Confluent.Kafka").
/// </summary>
public static class AspireKafkaConsumerExtensions
{
    /// <summary>The health check's name, as Aspire.Confluent.Kafka names it.</summary>
    public const string HealthCheckName = "Aspire.Confluent.Kafka.Consumer";

    /// <summary>Registers a <see cref="KafkaConsumerFactory{TKey,TValue}"/> for the Kafka named <paramref name="connectionName"/>.</summary>
    public static void AddKafkaConsumer<TKey, TValue>(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<KafkaConsumerSettings>? configureSettings = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionName);
        var settings = KafkaClientRegistration.AddSettings<KafkaConsumerSettings, ConsumerConfig>(builder, KafkaConsumerSettings.SectionName, connectionName, configureSettings);
        builder.Services.AddSingleton(sp => new KafkaConsumerFactory<TKey, TValue>(
            sp.GetRequiredService<IOptions<KafkaConsumerSettings>>().Value,
            KafkaClientRegistration.Diagnostics(sp, "consumer", settings.Config.GroupId)));

        if (!settings.DisableHealthChecks)
        {
            KafkaClientRegistration.AddHealthCheck(builder, HealthCheckName, sp => sp.GetRequiredService<KafkaConsumerFactory<TKey, TValue>>().Current?.Handle
                ?? throw new KafkaException(new Error(ErrorCode.Local_State, "the consumer has not started")));
        }
    }
}
