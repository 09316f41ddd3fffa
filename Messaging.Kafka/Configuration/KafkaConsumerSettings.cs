using Confluent.Kafka;

namespace Signups.Messaging.Kafka.Configuration;

/// <summary>Settings of the service's Kafka consumer, section <c>Aspire:Confluent:Kafka:Consumer</c>.</summary>
public sealed class KafkaConsumerSettings : KafkaClientSettings<ConsumerConfig>
{
    /// <summary>The configuration section, as in Aspire.Confluent.Kafka.</summary>
    public const string SectionName = "Aspire:Confluent:Kafka:Consumer";
}
