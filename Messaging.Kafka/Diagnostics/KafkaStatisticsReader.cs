using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Signups.Messaging.Kafka.Diagnostics;

/// <summary>Parses the statistics the clients left in <see cref="KafkaStatisticsChannel"/>, off librdkafka's threads.</summary>
internal sealed partial class KafkaStatisticsReader(KafkaStatisticsChannel channel, ILogger<KafkaStatisticsReader> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await channel.Reader.WaitToReadAsync(stoppingToken))
            {
                while (channel.Reader.TryRead(out var item))
                {
                    Read(item.Client, item.Json);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Read(KafkaClientDiagnostics client, string json)
    {
        try
        {
            client.Latest = KafkaStatistics.Parse(json, DateTimeOffset.UtcNow);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            LogStatisticsUnreadable(logger, client.Kind, e.Message);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Kafka {Kind} statistics could not be read: {Reason}")]
    private static partial void LogStatisticsUnreadable(ILogger logger, string kind, string reason);
}
