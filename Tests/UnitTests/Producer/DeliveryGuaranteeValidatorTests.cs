using Confluent.Kafka;
using Signups.Messaging.Kafka.Configuration;
using Signups.Producer.Publishing;

namespace Signups.UnitTests.Producer;

public sealed class DeliveryGuaranteeValidatorTests
{
    [Fact]
    public void AcksAllIdempotenceAndMurmur2Pass()
    {
        var settings = new KafkaProducerSettings();
        settings.Config.Acks = Acks.All;
        settings.Config.EnableIdempotence = true;
        settings.Config.Partitioner = Partitioner.Murmur2Random;

        Assert.True(new DeliveryGuaranteeValidator().Validate(null, settings).Succeeded);
    }

    [Fact]
    public void SettingsThatBreakThePromisesAreRefusedEachByName()
    {
        var settings = new KafkaProducerSettings();
        settings.Config.Acks = Acks.Leader;
        settings.Config.EnableIdempotence = false;
        settings.Config.Partitioner = Partitioner.ConsistentRandom;

        var result = new DeliveryGuaranteeValidator().Validate(null, settings);

        Assert.Equal(3, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.StartsWith("Aspire:Confluent:Kafka:Producer:Config:Acks", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Aspire:Confluent:Kafka:Producer:Config:EnableIdempotence", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Aspire:Confluent:Kafka:Producer:Config:Partitioner", StringComparison.Ordinal));
    }
}
