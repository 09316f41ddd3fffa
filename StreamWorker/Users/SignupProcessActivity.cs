using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using Signups.Consuming;
using Signups.Messaging;
using Signups.Messaging.Kafka.Diagnostics;

namespace Signups.StreamWorker.Users;

/// <summary>The span of one signup's effects, continuing the producer's trace; its id goes into the outbox row, so the email continues it too.</summary>
internal static class SignupProcessActivity
{
    public static Activity? Start(ConsumedSignup signup)
    {
        var (evt, message) = signup;
        if (!KafkaTelemetry.ActivitySource.HasListeners())
        {
            return null;
        }

        var activity = KafkaTelemetry.ActivitySource.StartActivity($"{message.Topic} process", ActivityKind.Consumer, KafkaTraceContext.Extract(message.Message.Headers));
        activity?.SetTag("messaging.system", "kafka");
        activity?.SetTag("messaging.destination.partition.id", message.Partition.Value);
        activity?.SetTag("messaging.kafka.message.offset", message.Offset.Value);
        activity?.SetTag("signups.event_id", evt.EventId);
        return activity;
    }

    /// <summary>The trace context the welcome email continues: the span's, else the message's own.</summary>
    public static string? TraceParent(Activity? activity, ConsumeResult<byte[], byte[]> message) =>
        activity?.Id ?? (message.Message.Headers?.TryGetLastBytes(MessageHeaders.TraceParent, out var bytes) == true ? Encoding.UTF8.GetString(bytes) : null);
}
