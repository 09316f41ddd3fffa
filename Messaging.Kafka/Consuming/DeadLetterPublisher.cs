using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Polly;

namespace Signups.Messaging.Kafka.Consuming;

/// <summary>
/// Puts a message that cannot be processed on the dead-letter topic with its original key, value and
/// headers, plus headers saying why and where it came from. Returns only once Kafka has stored it, so
/// the caller may then move past it; publishing is retried until it succeeds or the worker stops.
/// </summary>
public sealed partial class DeadLetterPublisher(
    IProducer<byte[], byte[]> producer,
    string deadLetterTopic,
    string consumerGroup,
    ResiliencePipeline retry,
    ConsumerMetrics metrics,
    ILogger<DeadLetterPublisher> logger)
{
    public async Task PublishAsync(ConsumeResult<byte[], byte[]> source, InvalidEvent problem, CancellationToken cancellationToken)
    {
        var headers = new Headers();
        foreach (var header in source.Message.Headers ?? [])
        {
            headers.Add(header.Key, header.GetValueBytes());
        }

        headers.Add(MessageHeaders.DeadLetterReason, Encoding.UTF8.GetBytes(problem.Reason));
        headers.Add(MessageHeaders.DeadLetterError, Encoding.UTF8.GetBytes(problem.Message));
        headers.Add(MessageHeaders.DeadLetterSourceTopic, Encoding.UTF8.GetBytes(source.Topic));
        headers.Add(MessageHeaders.DeadLetterSourcePartition, Encoding.UTF8.GetBytes(source.Partition.Value.ToString(CultureInfo.InvariantCulture)));
        headers.Add(MessageHeaders.DeadLetterSourceOffset, Encoding.UTF8.GetBytes(source.Offset.Value.ToString(CultureInfo.InvariantCulture)));
        headers.Add(MessageHeaders.DeadLetterConsumerGroup, Encoding.UTF8.GetBytes(consumerGroup));
        var letter = new Message<byte[], byte[]> { Key = source.Message.Key, Value = source.Message.Value, Headers = headers };

        await retry.ExecuteAsync(async token => await producer.ProduceConfirmedAsync(deadLetterTopic, letter, token), cancellationToken);
        metrics.MessageDeadLettered(problem.Reason);
        LogDeadLettered(logger, source.Topic, source.Partition.Value, source.Offset.Value, deadLetterTopic, problem.Reason, problem.Message);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "Message {Topic}[{Partition}]@{Offset} sent to {DeadLetterTopic}: {Reason}: {Error}")]
    private static partial void LogDeadLettered(ILogger logger, string topic, int partition, long offset, string deadLetterTopic, string reason, string error);
}
