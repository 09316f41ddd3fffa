using System.Diagnostics.Metrics;
using System.Globalization;

namespace Signups.Messaging.Kafka.Diagnostics;

/// <summary>
/// What Aspire.Confluent.Kafka does not publish, read from the same statistics (meter <see cref="KafkaTelemetry.MeterName"/>):
/// per consumer group and partition lag, broker connections up, rebalances. Added by <c>AddKafkaClientMetrics</c>.
/// Names follow OpenTelemetry's messaging conventions where one exists.
/// </summary>
internal sealed class KafkaClientMetrics
{
    private readonly KafkaClientRegistry _clients;

    public KafkaClientMetrics(IMeterFactory meterFactory, KafkaClientRegistry clients)
    {
        _clients = clients;
        var meter = meterFactory.Create(KafkaTelemetry.MeterName);
        meter.CreateObservableGauge("messaging.kafka.connections.up", () => Observe(s => s.ConnectionsUp),
            "{connection}", "Broker connections that are up.");
        meter.CreateObservableCounter("messaging.kafka.consumer.rebalances", () => Observe(s => s.RebalanceCount, "consumer"),
            "{rebalance}", "Consumer group rebalances this consumer took part in.");
        meter.CreateObservableGauge("messaging.kafka.consumer.lag", ObserveLag,
            "{message}", "Messages on a partition not yet processed by this consumer group.");
    }

    private IEnumerable<Measurement<long>> Observe(Func<KafkaStatistics, long> read, string? kind = null)
    {
        foreach (var client in _clients.Clients)
        {
            if (client.Latest is { } statistics && (kind is null || client.Kind == kind))
            {
                yield return new(read(statistics), new KeyValuePair<string, object?>("messaging.client.kind", client.Kind));
            }
        }
    }

    private IEnumerable<Measurement<long>> ObserveLag()
    {
        foreach (var client in _clients.Clients)
        {
            foreach (var lag in client.Latest?.Lag ?? [])
            {
                yield return new(lag.Lag,
                    new("messaging.destination.name", lag.Topic),
                    new("messaging.destination.partition.id", lag.Partition.ToString(CultureInfo.InvariantCulture)),
                    new("messaging.consumer.group.name", client.ConsumerGroup));
            }
        }
    }
}
