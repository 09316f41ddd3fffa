using System.Collections.Concurrent;

namespace Signups.Messaging.Kafka.Diagnostics;

/// <summary>The Kafka clients of this process, for the metrics that read their latest statistics.</summary>
internal sealed class KafkaClientRegistry
{
    private readonly ConcurrentDictionary<KafkaClientDiagnostics, byte> _clients = new();

    public IEnumerable<KafkaClientDiagnostics> Clients => _clients.Keys;

    public void Add(KafkaClientDiagnostics client) => _clients.TryAdd(client, 0);
}
