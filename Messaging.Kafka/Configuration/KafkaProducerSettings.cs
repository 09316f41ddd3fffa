using Confluent.Kafka;

namespace Signups.Messaging.Kafka.Configuration;

/// <summary>Settings of the service's Kafka producer, section <c>Aspire:Confluent:Kafka:Producer</c>.</summary>
public sealed class KafkaProducerSettings : KafkaClientSettings<ProducerConfig>
{
    /// <summary>The configuration section, as in Aspire.Confluent.Kafka.</summary>
    public const string SectionName = "Aspire:Confluent:Kafka:Producer";
}
