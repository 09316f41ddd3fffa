using System.Diagnostics.Metrics;

namespace Signups.Messaging.Kafka.Diagnostics;

/// <summary>
/// librdkafka's statistics as Aspire.Confluent.Kafka publishes them: meter <c>Aspire.Confluent.Kafka</c>, its instrument
/// names, descriptions and tags (<c>messaging.client_id</c>, <c>name</c>, and <c>type</c> on the counters), so that a
/// dashboard built on Aspire's names works unchanged. Ours add units. Counters are observed as the totals librdkafka
/// reports, which is what Aspire's per-document increments add up to.
/// </summary>
internal sealed class KafkaMetrics
{
    private readonly KafkaClientRegistry _clients;

    public KafkaMetrics(IMeterFactory meterFactory, KafkaClientRegistry clients)
    {
        _clients = clients;
        var meter = meterFactory.Create(KafkaTelemetry.AspireMeterName);
        meter.CreateObservableGauge("messaging.kafka.consumer.queue.message_count", () => Observe(s => s.ReplyQueue, withType: false),
            "{operation}", "Number of ops (callbacks, events, etc) waiting in queue for application to serve with rd_kafka_poll()");
        meter.CreateObservableGauge("messaging.kafka.producer.queue.message_count", () => Observe(s => s.QueuedMessages, withType: false),
            "{message}", "Current number of messages in producer queues");
        meter.CreateObservableGauge("messaging.kafka.producer.queue.size", () => Observe(s => s.QueuedBytes, withType: false),
            "By", "Current total size of messages in producer queues");
        meter.CreateObservableCounter("messaging.kafka.network.tx", () => Observe(s => s.Requests),
            "{request}", "Total number of requests sent to Kafka brokers");
        meter.CreateObservableCounter("messaging.kafka.network.transmitted", () => Observe(s => s.RequestBytes),
            "By", "Total number of bytes transmitted to Kafka brokers");
        meter.CreateObservableCounter("messaging.kafka.network.rx", () => Observe(s => s.Responses),
            "{response}", "Total number of responses received from Kafka brokers");
        meter.CreateObservableCounter("messaging.kafka.network.received", () => Observe(s => s.ResponseBytes),
            "By", "Total number of bytes received from Kafka brokers");
        meter.CreateObservableCounter("messaging.publish.messages", () => Observe(s => s.MessagesTransmitted),
            "{message}", "Total number of messages transmitted (produced) to Kafka brokers");
        meter.CreateObservableCounter("messaging.kafka.message.transmitted", () => Observe(s => s.MessageBytesTransmitted),
            "By", "Total number of message bytes (including framing, such as per-Message framing and MessageSet/batch framing) transmitted to Kafka brokers");
        meter.CreateObservableCounter("messaging.receive.messages", () => Observe(s => s.MessagesReceived),
            "{message}", "Total number of messages consumed, not including ignored messages (due to offset, etc), from Kafka brokers");
        meter.CreateObservableCounter("messaging.kafka.message.received", () => Observe(s => s.MessageBytesReceived),
            "By", "Total number of message bytes (including framing) received from Kafka brokers");
    }

    private IEnumerable<Measurement<long>> Observe(Func<KafkaStatistics, long> read, bool withType = true)
    {
        foreach (var client in _clients.Clients)
        {
            if (client.Latest is not { } statistics)
            {
                continue;
            }

            yield return withType
                ? new(read(statistics), new("messaging.client_id", statistics.ClientId), new("name", statistics.Name), new("type", statistics.Type))
                : new(read(statistics), new("messaging.client_id", statistics.ClientId), new("name", statistics.Name));
        }
    }
}
