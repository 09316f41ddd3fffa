using System.Threading.Channels;

namespace Signups.Messaging.Kafka.Diagnostics;

/// <summary>
/// Where the clients' statistics handlers leave librdkafka's JSON, so that parsing it never runs on librdkafka's
/// thread (a consumer's is the poll thread). Bounded: if the reader falls behind, the oldest documents go first,
/// which loses nothing because every document carries totals.
/// </summary>
internal sealed class KafkaStatisticsChannel
{
    private readonly Channel<(KafkaClientDiagnostics Client, string Json)> _channel =
        Channel.CreateBounded<(KafkaClientDiagnostics Client, string Json)>(new BoundedChannelOptions(1_000)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = false,
        });

    public ChannelReader<(KafkaClientDiagnostics Client, string Json)> Reader => _channel.Reader;

    public void Write(KafkaClientDiagnostics client, string json) => _channel.Writer.TryWrite((client, json));
}
