using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Polly;

namespace Signups.Consuming;

/// <summary>
/// Puts messages that cannot be processed on the dead-letter topic with their original key, value and headers, plus
/// headers saying why and where each came from. All of a batch's letters are produced at once (librdkafka sends
/// them together) and each is retried until Kafka has stored it or the worker stops; returns only when every one
/// is stored, so the caller may then move past them.
/// </summary>
public sealed partial class DeadLetterPublisher(
    IProducer<byte[], byte[]> producer,
    string deadLetterTopic,
    string consumerGroup,
    ResiliencePipeline retry,
    ConsumerMetrics metrics,
    ILogger<DeadLetterPublisher> logger)
{
    private readonly byte[] _consumerGroup = Encoding.UTF8.GetBytes(consumerGroup);

    public async Task PublishAsync(IReadOnlyList<(ConsumeResult<byte[], byte[]> Message, InvalidEvent Problem)> letters, CancellationToken cancellationToken)
    {
        var deliveries = new Task[letters.Count];
        for (var i = 0; i < letters.Count; i++)
        {
            var letter = Letter(letters[i].Message, letters[i].Problem);
            deliveries[i] = retry.ExecuteAsync(async token => await producer.ProduceConfirmedAsync(deadLetterTopic, letter, token), cancellationToken).AsTask();
        }

        await Task.WhenAll(deliveries);
        foreach (var (message, problem) in letters)
        {
            metrics.MessageDeadLettered(problem.Reason);
            LogDeadLettered(logger, message.Topic, message.Partition.Value, message.Offset.Value, deadLetterTopic, problem.Reason, problem.Message);
        }

        // One warning per batch, however many letters: a flood of broken events must not become a flood of log lines.
        var (first, why) = letters[0];
        LogBatchDeadLettered(logger, letters.Count, first.Topic, deadLetterTopic, first.Partition.Value, first.Offset.Value, why.Reason, why.Message);
    }

    private Message<byte[], byte[]> Letter(ConsumeResult<byte[], byte[]> source, InvalidEvent problem)
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
        headers.Add(MessageHeaders.DeadLetterConsumerGroup, _consumerGroup);
        return new Message<byte[], byte[]> { Key = source.Message.Key, Value = source.Message.Value, Headers = headers };
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug,
        Message = "Message {Topic}[{Partition}]@{Offset} sent to {DeadLetterTopic}: {Reason}: {Error}")]
    private static partial void LogDeadLettered(ILogger logger, string topic, int partition, long offset, string deadLetterTopic, string reason, string error);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "{Count} message(s) of {Topic} sent to {DeadLetterTopic}; the first, [{Partition}]@{Offset}: {Reason}: {Error}")]
    private static partial void LogBatchDeadLettered(ILogger logger, int count, string topic, string deadLetterTopic, int partition, long offset, string reason, string error);
}
