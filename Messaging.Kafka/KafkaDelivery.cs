using Confluent.Kafka;

namespace Signups.Messaging.Kafka;

/// <summary>
/// When a delivery counts as stored. librdkafka's idempotent producer may report success without an offset:
/// it infers that a batch was appended because a later batch of the same partition was. A real broker rejects
/// batches out of sequence, so the inference holds there; librdkafka's mock cluster (the dev broker) does not
/// enforce sequences, and after a request error such a "success" was seen for a message that is not in the
/// log. Only a broker-assigned offset proves the append.
/// </summary>
public static class KafkaDelivery
{
    /// <summary>The error to treat an unconfirmed success with.</summary>
    public static readonly Error Unconfirmed = new(ErrorCode.Local_Fail,
        "Kafka acknowledged the message without an offset (its append was inferred, not confirmed)");

    /// <summary>True when the broker confirmed the append and said where.</summary>
    public static bool IsConfirmed<TKey, TValue>(this DeliveryResult<TKey, TValue> result) =>
        result.Status == PersistenceStatus.Persisted && result.Offset.Value >= 0;

    /// <summary>The report's error, or <see cref="Unconfirmed"/> for a success without an offset.</summary>
    public static Error Outcome<TKey, TValue>(this DeliveryReport<TKey, TValue> report) =>
        report.Error.IsError || report.IsConfirmed() ? report.Error : Unconfirmed;

    /// <summary>Produces and returns only when the append is confirmed; throws <see cref="ProduceException{TKey,TValue}"/> otherwise.</summary>
    public static async Task<DeliveryResult<TKey, TValue>> ProduceConfirmedAsync<TKey, TValue>(
        this IProducer<TKey, TValue> producer, string topic, Message<TKey, TValue> message, CancellationToken cancellationToken = default)
    {
        var result = await producer.ProduceAsync(topic, message, cancellationToken);
        return result.IsConfirmed() ? result : throw new ProduceException<TKey, TValue>(Unconfirmed, result);
    }
}
