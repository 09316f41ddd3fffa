using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Signups.Messaging.Kafka;
using Signups.Messaging.Kafka.Configuration;
using Signups.Messaging.Kafka.Diagnostics;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What Aspire.Confluent.Kafka lacks, each a call of its own next to <c>AddKafkaProducer</c> / <c>AddKafkaConsumer</c>,
/// so that swapping in the real package leaves these lines as they are.
/// </summary>
public static class KafkaClientExtrasExtensions
{
    /// <summary>
    /// librdkafka checks every property of the producer's and consumer's settings when the host starts: a bad one is a
    /// sentence naming it (and the service exits), not an exception at the first message.
    /// </summary>
    public static void AddKafkaConfigCheck(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KafkaProducerSettings>, LibrdkafkaSettingsValidator<KafkaProducerSettings, ProducerConfig>>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KafkaConsumerSettings>, LibrdkafkaSettingsValidator<KafkaConsumerSettings, ConsumerConfig>>());
    }

    /// <summary>
    /// Per consumer group and partition lag, broker connections up and rebalances, from the clients' statistics
    /// (meter <see cref="KafkaTelemetry.MeterName"/>). Needs the clients' metrics on (<c>DisableMetrics</c> false).
    /// </summary>
    public static void AddKafkaClientMetrics(this IHostApplicationBuilder builder)
    {
        KafkaClientRegistration.AddStatistics(builder.Services);
        builder.Services.TryAddSingleton<KafkaClientMetrics>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(KafkaTelemetry.MeterName));
    }
}
