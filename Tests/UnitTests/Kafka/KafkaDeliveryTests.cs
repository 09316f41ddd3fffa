using Confluent.Kafka;
using Signups.Messaging.Kafka;

namespace Signups.UnitTests.Kafka;

public sealed class KafkaDeliveryTests
{
    [Fact]
    public void ASuccessWithABrokerAssignedOffsetIsConfirmed() =>
        Assert.True(Result(PersistenceStatus.Persisted, 42).IsConfirmed());

    [Fact]
    public void ASuccessWithoutAnOffsetIsNotConfirmed()
    {
        var report = new DeliveryReport<byte[], byte[]> { Status = PersistenceStatus.Persisted, TopicPartitionOffset = new("t", 0, Offset.Unset), Error = new Error(ErrorCode.NoError) };

        Assert.False(report.IsConfirmed());
        Assert.Equal(KafkaDelivery.Unconfirmed, report.Outcome());
    }

    [Fact]
    public void AFailedDeliveryKeepsItsOwnError()
    {
        var timedOut = new Error(ErrorCode.Local_MsgTimedOut);
        var report = new DeliveryReport<byte[], byte[]> { Status = PersistenceStatus.NotPersisted, TopicPartitionOffset = new("t", 0, Offset.Unset), Error = timedOut };

        Assert.Equal(ErrorCode.Local_MsgTimedOut, report.Outcome().Code);
    }

    private static DeliveryResult<byte[], byte[]> Result(PersistenceStatus status, long offset) =>
        new() { Status = status, TopicPartitionOffset = new("t", 0, offset) };
}
