using System.Runtime.InteropServices;
using System.Text;
using Confluent.Kafka;
using Signups.DevBroker.Contracts;
using Signups.Messaging.Kafka.Native;
using static Signups.DevBroker.Mock.MockClusterNative;

namespace Signups.DevBroker.Mock;

/// <summary>
/// A librdkafka mock cluster: brokers 1..N on random loopback ports, in memory, keeping at most about
/// 5 MB (or 100,000 message sets) per partition. Safe to call from any thread.
/// </summary>
internal sealed class MockCluster : IDisposable
{
    private const int AllBrokers = -1;
    private const int MaxReplicationFactor = 3;

    private readonly Lock _lock = new();
    private readonly nint _client;
    private readonly nint _cluster;
    private readonly Dictionary<int, BrokerDescription> _brokers;
    private readonly Dictionary<string, TopicDescription> _topics = new(StringComparer.Ordinal);
    private bool _disposed;

    private MockCluster(nint client, nint cluster, int brokerCount)
    {
        _client = client;
        _cluster = cluster;
        _brokers = Enumerable.Range(1, brokerCount).ToDictionary(id => id, id => new BrokerDescription(id, Up: true, RoundTripTimeMs: 0));
        BootstrapServers = Marshal.PtrToStringUTF8(rd_kafka_mock_cluster_bootstraps(cluster))
            ?? throw new MockClusterException("The mock cluster reported no bootstrap servers.");
    }

    public string BootstrapServers { get; }

    public int BrokerCount => _brokers.Count;

    public static MockCluster Start(int brokerCount)
    {
        Librdkafka.EnsureAvailable();
        var error = new byte[512];
        var conf = rd_kafka_conf_new();
        // The handle only hosts the cluster; it never connects anywhere, so its notices are noise.
        _ = rd_kafka_conf_set(conf, "log_level", "4", error, (nuint)error.Length);
        _ = rd_kafka_conf_set(conf, "client.id", "dev-broker", error, (nuint)error.Length);
        var client = rd_kafka_new(ProducerType, conf, error, (nuint)error.Length);
        if (client == 0)
        {
            throw new MockClusterException($"librdkafka could not create a client: {Encoding.UTF8.GetString(error).TrimEnd('\0')}");
        }

        var cluster = rd_kafka_mock_cluster_new(client, brokerCount);
        if (cluster == 0)
        {
            rd_kafka_destroy(client);
            throw new MockClusterException($"librdkafka could not create a mock cluster of {brokerCount} broker(s).");
        }

        // The mock holds the first JoinGroup of an empty group for group.initial.rebalance.delay.ms (3 s by default).
        // A member whose session timeout is not longer expires while it waits: its JoinGroup is never answered and
        // its connection to the coordinator stays blocked, so it never joins (a worker restarted after a SIGKILL,
        // with a 3 s session, did not in two CI runs). Kafka's advice for development brokers is 0.
        rd_kafka_mock_group_initial_rebalance_delay_ms(cluster, 0);

        return new MockCluster(client, cluster, brokerCount);
    }

    public void CreateTopic(string name, int partitions)
    {
        lock (_lock)
        {
            if (_topics.TryGetValue(name, out var existing))
            {
                if (existing.Partitions != partitions)
                {
                    throw new MockClusterException($"Topic {name} exists with {existing.Partitions} partitions.");
                }

                return;
            }

            Check(rd_kafka_mock_topic_create(_cluster, name, partitions, Math.Min(BrokerCount, MaxReplicationFactor)), $"create topic {name}");
            _topics[name] = new TopicDescription(name, partitions);
        }
    }

    public void SetBrokerUp(int brokerId, bool up)
    {
        lock (_lock)
        {
            foreach (var id in Targets(brokerId))
            {
                Check(up ? rd_kafka_mock_broker_set_up(_cluster, id) : rd_kafka_mock_broker_set_down(_cluster, id), $"set broker {id} {(up ? "up" : "down")}");
                _brokers[id] = _brokers[id] with { Up = up };
            }
        }
    }

    public void SetRoundTripTime(int brokerId, int milliseconds)
    {
        lock (_lock)
        {
            foreach (var id in Targets(brokerId))
            {
                Check(rd_kafka_mock_broker_set_rtt(_cluster, id, milliseconds), $"set broker {id} round-trip time");
                _brokers[id] = _brokers[id] with { RoundTripTimeMs = milliseconds };
            }
        }
    }

    public void SetPartitionLeader(string topic, int partition, int brokerId)
    {
        lock (_lock)
        {
            Check(rd_kafka_mock_partition_set_leader(_cluster, topic, partition, brokerId), $"move the leader of {topic}[{partition}] to broker {brokerId}");
        }
    }

    public void PushRequestErrors(KafkaApiKey apiKey, IReadOnlyList<ErrorCode> errors)
    {
        lock (_lock)
        {
            var codes = errors.Select(e => (int)e).ToArray();
            rd_kafka_mock_push_request_errors_array(_cluster, (short)apiKey, (nuint)codes.Length, codes);
        }
    }

    public ClusterDescription Describe()
    {
        lock (_lock)
        {
            return new(BootstrapServers, Marshal.PtrToStringUTF8(rd_kafka_version_str()) ?? "unknown", Librdkafka.Path, [.. _brokers.Values.OrderBy(b => b.Id)], [.. _topics.Values.OrderBy(t => t.Name)]);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            rd_kafka_mock_cluster_destroy(_cluster);
            rd_kafka_destroy(_client);
        }
    }

    private IEnumerable<int> Targets(int brokerId)
    {
        if (brokerId == AllBrokers)
        {
            return [.. _brokers.Keys];
        }

        return _brokers.ContainsKey(brokerId)
            ? [brokerId]
            : throw new MockClusterException($"There is no broker {brokerId}; brokers are 1 to {BrokerCount} (or -1 for all).");
    }

    private static void Check(int error, string operation)
    {
        if (error != 0)
        {
            throw new MockClusterException($"Could not {operation}: {Marshal.PtrToStringUTF8(rd_kafka_err2str(error))}");
        }
    }
}
