using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Confluent.Kafka;
using Microsoft.Extensions.Options;
using Signups.Messaging;
using Signups.Messaging.Kafka;
using Signups.Messaging.Kafka.Diagnostics;

namespace Signups.Producer.Publishing;

/// <summary>
/// Publishes <see cref="UserSignedUp"/> events keyed by user id (one user's events stay in order on one
/// partition), with the event type, the schema version and the caller's W3C trace context in headers. A publish
/// completes only when Kafka has acknowledged the event (acks=all) or given it up.
/// </summary>
internal sealed partial class SignupPublisher(
    IProducer<byte[], byte[]> producer,
    IOptions<MessagingOptions> messaging,
    PublishMetrics metrics,
    IHostApplicationLifetime lifetime,
    ILogger<SignupPublisher> logger)
{
    // The key is the user id in its canonical text form (36 ASCII characters), as consumers and other clients expect.
    private const int KeyLength = 36;

    private readonly string _topic = messaging.Value.Topic;
    private readonly string _publishSpanName = $"{messaging.Value.Topic} publish";

    public string Topic => _topic;

    /// <summary>
    /// Publishes and waits for Kafka's answer; throws <see cref="ProduceException{TKey,TValue}"/> when it was not stored,
    /// or when its storing is not confirmed with an offset (<see cref="KafkaDelivery"/>).
    /// </summary>
    public async Task<DeliveryResult<byte[], byte[]>> PublishAsync(UserSignedUp signup)
    {
        using var activity = KafkaTelemetry.ActivitySource.StartActivity(_publishSpanName, ActivityKind.Producer);
        activity?.SetTag("messaging.system", "kafka");
        activity?.SetTag("messaging.destination.name", _topic);
        activity?.SetTag("signups.event_id", signup.EventId);
        var started = Stopwatch.GetTimestamp();
        try
        {
            // No cancellation token: cancelling the wait would not take the event back from librdkafka's queue.
            var result = await producer.ProduceConfirmedAsync(_topic, ToMessage(signup, Activity.Current));
            metrics.Answered(stored: true, Stopwatch.GetElapsedTime(started));
            activity?.SetTag("messaging.destination.partition.id", result.Partition.Value);
            activity?.SetTag("messaging.kafka.message.offset", result.Offset.Value);
            return result;
        }
        catch (KafkaException e)
        {
            metrics.Answered(stored: false, Stopwatch.GetElapsedTime(started));
            if (e.Error.IsFatal)
            {
                // A fatal error leaves this producer instance unusable; a new process gets a new one.
                LogFatal(logger, e.Error.Code, e.Error.Reason);
                lifetime.StopApplication();
            }

            throw;
        }
    }

    /// <summary>Queues an event without waiting; <paramref name="delivered"/> runs on librdkafka's delivery thread.</summary>
    public void Publish(UserSignedUp signup, Action<DeliveryReport<byte[], byte[]>> delivered) =>
        producer.Produce(_topic, ToMessage(signup, Activity.Current), delivered);

    /// <summary>
    /// Makes the producer connect and learn the topic's partitions now rather than on the first event, so the
    /// first events' latency is not the connection's. False, with the reason, when Kafka did not answer in time.
    /// </summary>
    public bool TryConnect(TimeSpan timeout, [NotNullWhen(false)] out string? problem)
    {
        try
        {
            using var admin = new DependentAdminClientBuilder(producer.Handle).Build();
            admin.GetMetadata(_topic, timeout);
            problem = null;
            return true;
        }
        catch (KafkaException e)
        {
            problem = e.Error.Reason;
            return false;
        }
    }

    /// <summary>Waits until every queued event has been acknowledged or given up; returns how many are still queued.</summary>
    public int Flush(TimeSpan timeout) => producer.Flush(timeout);

    internal static Message<byte[], byte[]> ToMessage(UserSignedUp signup, Activity? trace)
    {
        var headers = new Headers
        {
            { MessageHeaders.EventType, UserSignedUpSerializer.EventTypeHeaderValue },
            { MessageHeaders.SchemaVersion, UserSignedUpSerializer.SchemaVersionHeaderValue },
        };
        KafkaTraceContext.Inject(trace, headers);
        var key = new byte[KeyLength];
        signup.UserId.TryFormat(key, out _);
        return new Message<byte[], byte[]>
        {
            Key = key,
            Value = UserSignedUpSerializer.Serialize(signup),
            Headers = headers,
        };
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Critical, Message = "The Kafka producer failed fatally ({Code}: {Reason}); stopping so that a new process starts with a new producer")]
    private static partial void LogFatal(ILogger logger, ErrorCode code, string reason);
}
