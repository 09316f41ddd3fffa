using System.Diagnostics;
using Signups.Consuming;
using Signups.Messaging.Kafka.Diagnostics;

namespace Signups.BatchWorker.Analytics;

/// <summary>
/// The BatchWorker's handler: each batch into <c>signup_facts</c> through the store (SQLite or PostgreSQL), with one span
/// per flush and the counts of new and redelivered events.
/// </summary>
internal sealed class AnalyticsSink(ISignupFactsStore store, ConsumerMetrics metrics) : IMessageBatchHandler
{
    // OpenTelemetry keeps at most 128 links per span (its SpanLimits default): extracting the other 4,872 traces of a full
    // batch cost the flush span about a tenth of the writer's time, for links no exporter receives.
    private const int MaxLinks = 128;

    public Task<IReadOnlyDictionary<int, long>> ReadNextOffsetsAsync(string topic, IReadOnlyList<int> partitions, CancellationToken cancellationToken) =>
        store.ReadNextOffsetsAsync(partitions, cancellationToken);

    public async Task HandleAsync(MessageBatch batch, CancellationToken cancellationToken)
    {
        var signups = batch.Signups;
        using var flush = StartFlushActivity(batch, signups.Count);
        var inserted = await store.WriteAsync(batch, cancellationToken);
        flush?.SetTag("signups.inserted", inserted);
        metrics.EventsProcessed(inserted);
        metrics.EventsRedelivered(signups.Count - inserted);
    }

    // One span per flush, linked to the traces of its first events (links, not a parent: a batch has many).
    private static Activity? StartFlushActivity(MessageBatch batch, int events)
    {
        if (!KafkaTelemetry.ActivitySource.HasListeners())
        {
            return null;
        }

        var links = new List<ActivityLink>(Math.Min(MaxLinks, batch.Messages.Count));
        for (var i = 0; i < batch.Messages.Count && links.Count < MaxLinks; i++)
        {
            if (KafkaTraceContext.Extract(batch.Messages[i].Message.Headers) is var context && context != default)
            {
                links.Add(new ActivityLink(context));
            }
        }

        var activity = KafkaTelemetry.ActivitySource.StartActivity("signup_facts flush", ActivityKind.Internal, parentContext: default, links: links);
        activity?.SetTag("messaging.batch.message_count", batch.Messages.Count);
        activity?.SetTag("signups.events", events);
        return activity;
    }
}
