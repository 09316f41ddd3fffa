using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Signups.Messaging.Kafka.Diagnostics;

/// <summary>
/// Metrics read from the latest librdkafka statistics of every Kafka client in the process.
/// Names follow OpenTelemetry's messaging conventions where one exists.
/// </summary>
internal sealed class KafkaMetrics
{
    private readonly ConcurrentDictionary<KafkaClientDiagnostics, byte> _clients = new();

    public KafkaMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(KafkaTelemetry.MeterName);
        meter.CreateObservableGauge("messaging.kafka.connections.up", () => Observe(s => s.ConnectionsUp),
            "{connection}", "Broker connections that are up.");
        meter.CreateObservableGauge("messaging.kafka.producer.queue.messages", () => Observe(s => s.QueuedMessages, "producer"),
            "{message}", "Messages waiting in the producer queue for delivery.");
        meter.CreateObservableCounter("messaging.kafka.messages.transmitted", () => Observe(s => s.MessagesTransmitted, "producer"),
            "{message}", "Messages sent to brokers.");
        meter.CreateObservableCounter("messaging.kafka.messages.received", () => Observe(s => s.MessagesReceived, "consumer"),
            "{message}", "Messages received from brokers.");
        meter.CreateObservableCounter("messaging.kafka.consumer.rebalances", () => Observe(s => s.RebalanceCount, "consumer"),
            "{rebalance}", "Consumer group rebalances this consumer took part in.");
        meter.CreateObservableGauge("messaging.kafka.consumer.lag", ObserveLag,
            "{message}", "Messages on a partition not yet processed by this consumer group.");
    }

    public void Track(KafkaClientDiagnostics client) => _clients.TryAdd(client, 0);

    public void Untrack(KafkaClientDiagnostics client) => _clients.TryRemove(client, out _);

    private IEnumerable<Measurement<long>> Observe(Func<KafkaStatistics, long> read, string? kind = null)
    {
        foreach (var client in _clients.Keys)
        {
            if (client.Latest is { } statistics && (kind is null || client.Kind == kind))
            {
                yield return new(read(statistics), new KeyValuePair<string, object?>("messaging.client.kind", client.Kind));
            }
        }
    }

    private IEnumerable<Measurement<long>> ObserveLag()
    {
        foreach (var client in _clients.Keys)
        {
            foreach (var lag in client.Latest?.Lag ?? [])
            {
                yield return new(lag.Lag,
                    new("messaging.destination.name", lag.Topic),
                    new("messaging.destination.partition.id", lag.Partition.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new("messaging.consumer.group.name", client.ConsumerGroup));
            }
        }
    }
}
