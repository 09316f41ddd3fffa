using System.Text.Json.Serialization;

namespace Signups.DevBroker.Contracts;

/// <summary>Kafka protocol request types that errors can be injected into (https://kafka.apache.org/protocol#protocol_api_keys).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<KafkaApiKey>))]
public enum KafkaApiKey : short
{
    Produce = 0,
    Fetch = 1,
    ListOffsets = 2,
    Metadata = 3,
    OffsetCommit = 8,
    OffsetFetch = 9,
    FindCoordinator = 10,
    JoinGroup = 11,
    Heartbeat = 12,
    LeaveGroup = 13,
    SyncGroup = 14,
    ApiVersions = 18,
    InitProducerId = 22,
}
