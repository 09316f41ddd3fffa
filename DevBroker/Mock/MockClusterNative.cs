using System.Runtime.InteropServices;
using Signups.Messaging.Kafka.Native;

namespace Signups.DevBroker.Mock;

/// <summary>librdkafka's mock cluster API (rdkafka_mock.h, librdkafka 2.16).</summary>
internal static partial class MockClusterNative
{
    public const int ProducerType = 0;

    static MockClusterNative() => Librdkafka.RegisterResolver(typeof(MockClusterNative).Assembly);

    [LibraryImport(Librdkafka.LibraryName)]
    public static partial nint rd_kafka_conf_new();

    [LibraryImport(Librdkafka.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int rd_kafka_conf_set(nint conf, string name, string value, byte[] errstr, nuint errstrSize);

    [LibraryImport(Librdkafka.LibraryName)]
    public static partial nint rd_kafka_new(int type, nint conf, byte[] errstr, nuint errstrSize);

    [LibraryImport(Librdkafka.LibraryName)]
    public static partial void rd_kafka_destroy(nint rk);

    [LibraryImport(Librdkafka.LibraryName)]
    public static partial nint rd_kafka_mock_cluster_new(nint rk, int brokerCount);

    [LibraryImport(Librdkafka.LibraryName)]
    public static partial void rd_kafka_mock_cluster_destroy(nint cluster);

    [LibraryImport(Librdkafka.LibraryName)]
    public static partial nint rd_kafka_mock_cluster_bootstraps(nint cluster);

    [LibraryImport(Librdkafka.LibraryName)]
    public static partial void rd_kafka_mock_group_initial_rebalance_delay_ms(nint cluster, int delayMs);

    [LibraryImport(Librdkafka.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int rd_kafka_mock_topic_create(nint cluster, string topic, int partitionCount, int replicationFactor);

    [LibraryImport(Librdkafka.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int rd_kafka_mock_partition_set_leader(nint cluster, string topic, int partition, int brokerId);

    [LibraryImport(Librdkafka.LibraryName)]
    public static partial int rd_kafka_mock_broker_set_down(nint cluster, int brokerId);

    [LibraryImport(Librdkafka.LibraryName)]
    public static partial int rd_kafka_mock_broker_set_up(nint cluster, int brokerId);

    [LibraryImport(Librdkafka.LibraryName)]
    public static partial int rd_kafka_mock_broker_set_rtt(nint cluster, int brokerId, int rttMs);

    [LibraryImport(Librdkafka.LibraryName)]
    public static partial void rd_kafka_mock_push_request_errors_array(nint cluster, short apiKey, nuint count, int[] errors);

    [LibraryImport(Librdkafka.LibraryName)]
    public static partial void rd_kafka_mock_clear_request_errors(nint cluster, short apiKey);

    [LibraryImport(Librdkafka.LibraryName)]
    public static partial nint rd_kafka_err2str(int err);

    [LibraryImport(Librdkafka.LibraryName)]
    public static partial nint rd_kafka_version_str();
}
