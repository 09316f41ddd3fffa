using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Signups.Messaging.Kafka.Diagnostics;

/// <summary>
/// What one Kafka client tells about itself: its statistics (handed to <see cref="KafkaStatisticsReader"/>, which
/// keeps the latest for the metrics), its log lines (to ILogger, category <c>Librdkafka</c>) and its errors.
/// </summary>
internal sealed partial class KafkaClientDiagnostics(string kind, string? consumerGroup, KafkaStatisticsChannel statistics, ILogger logger)
{
    private volatile KafkaStatistics? _latest;

    /// <summary><c>producer</c> or <c>consumer</c>.</summary>
    public string Kind { get; } = kind;

    public string? ConsumerGroup { get; } = consumerGroup;

    public KafkaStatistics? Latest
    {
        get => _latest;
        set => _latest = value;
    }

    /// <summary>Called on librdkafka's thread: only hands the document over.</summary>
    public void OnStatistics(string json) => statistics.Write(this, json);

    public void OnLog(LogMessage message) =>
        LogLibrdkafka(logger, ToLogLevel(message.Level), Kind, message.Facility, message.Message);

    public void OnError(Error error)
    {
        if (error.IsFatal)
        {
            LogFatalError(logger, Kind, error.Code, error.Reason);
        }
        else
        {
            LogError(logger, Kind, error.Code, error.Reason);
        }
    }

    private static LogLevel ToLogLevel(SyslogLevel level) => level switch
    {
        <= SyslogLevel.Critical => LogLevel.Critical,
        SyslogLevel.Error => LogLevel.Error,
        SyslogLevel.Warning => LogLevel.Warning,
        SyslogLevel.Notice or SyslogLevel.Info => LogLevel.Information,
        _ => LogLevel.Debug,
    };

    [LoggerMessage(EventId = 1, Message = "Kafka {Kind} {Facility}: {Text}")]
    private static partial void LogLibrdkafka(ILogger logger, LogLevel level, string kind, string facility, string text);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Kafka {Kind} error {Code}: {Reason}")]
    private static partial void LogError(ILogger logger, string kind, ErrorCode code, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Critical, Message = "Kafka {Kind} fatal error {Code}: {Reason}")]
    private static partial void LogFatalError(ILogger logger, string kind, ErrorCode code, string reason);
}
