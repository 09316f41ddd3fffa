using System.Text.Json;

namespace Signups.Messaging.Kafka.Diagnostics;

/// <summary>
/// The parts of a librdkafka statistics document (https://github.com/confluentinc/librdkafka/blob/master/STATISTICS.md)
/// that the metrics use: Aspire.Confluent.Kafka's (<see cref="KafkaMetrics"/>) and ours (<see cref="KafkaClientMetrics"/>).
/// Counters are totals since the client started, as librdkafka reports them.
/// </summary>
internal sealed record KafkaStatistics(
    DateTimeOffset ReceivedAt,
    string Name,
    string ClientId,
    string Type,
    int ConnectionsUp,
    long ReplyQueue,
    long QueuedMessages,
    long QueuedBytes,
    long Requests,
    long RequestBytes,
    long Responses,
    long ResponseBytes,
    long MessagesTransmitted,
    long MessageBytesTransmitted,
    long MessagesReceived,
    long MessageBytesReceived,
    string? GroupState,
    long RebalanceCount,
    IReadOnlyList<KafkaPartitionLag> Lag)
{
    public static KafkaStatistics Parse(string json, DateTimeOffset receivedAt)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        var connectionsUp = 0;
        if (root.TryGetProperty("brokers", out var brokers))
        {
            foreach (var broker in brokers.EnumerateObject())
            {
                connectionsUp += broker.Value.GetProperty("state").ValueEquals("UP") ? 1 : 0;
            }
        }

        string? groupState = null;
        long rebalances = 0;
        if (root.TryGetProperty("cgrp", out var group))
        {
            groupState = group.GetProperty("join_state").GetString();
            rebalances = group.GetProperty("rebalance_cnt").GetInt64();
        }

        return new(
            receivedAt,
            Name: String(root, "name"),
            ClientId: String(root, "client_id"),
            Type: String(root, "type"),
            connectionsUp,
            ReplyQueue: Long(root, "replyq"),
            QueuedMessages: Long(root, "msg_cnt"),
            QueuedBytes: Long(root, "msg_size"),
            Requests: Long(root, "tx"),
            RequestBytes: Long(root, "tx_bytes"),
            Responses: Long(root, "rx"),
            ResponseBytes: Long(root, "rx_bytes"),
            MessagesTransmitted: Long(root, "txmsgs"),
            MessageBytesTransmitted: Long(root, "txmsg_bytes"),
            MessagesReceived: Long(root, "rxmsgs"),
            MessageBytesReceived: Long(root, "rxmsg_bytes"),
            groupState,
            rebalances,
            ReadLag(root));
    }

    private static List<KafkaPartitionLag> ReadLag(JsonElement root)
    {
        var lag = new List<KafkaPartitionLag>();
        if (!root.TryGetProperty("topics", out var topics))
        {
            return lag;
        }

        foreach (var topic in topics.EnumerateObject())
        {
            foreach (var partition in topic.Value.GetProperty("partitions").EnumerateObject())
            {
                var p = partition.Value;
                var id = p.GetProperty("partition").GetInt32();
                var stored = p.TryGetProperty("consumer_lag_stored", out var s) ? s.GetInt64() : -1;
                var committed = p.GetProperty("consumer_lag").GetInt64();
                var assigned = p.TryGetProperty("fetch_state", out var f) && !f.ValueEquals("none");
                if (id >= 0 && assigned && (stored >= 0 || committed >= 0))
                {
                    lag.Add(new(topic.Name, id, stored >= 0 ? stored : committed));
                }
            }
        }

        return lag;
    }

    private static string String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";

    private static long Long(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.GetInt64() : 0;
}
