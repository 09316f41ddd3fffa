using Signups.AppHost.Hosting;

namespace Signups.AppHost.Pipeline;

/// <summary>
/// On the ordered stop, between the producer's exit and a consumer's SIGTERM: waits (bounded) until the
/// consumer has fetched everything the topic holds, so that its drain persists the producer's last events
/// and the stop leaves the stores complete. A consumer still behind at the limit is stopped anyway; it
/// resumes from its store on the next start.
/// </summary>
internal sealed class PipelineCatchUp(PipelineShape shape, TimeSpan limit)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    public async Task WaitAsync(DistributedApplication app, PipelineConsumer consumer)
    {
        if (limit <= TimeSpan.Zero || app.GetResource(shape.Kafka) is not IResourceWithConnectionString { ConnectionString: { } kafka })
        {
            return;
        }

        // Only this consumer's group matters here: the readers ask about nothing else.
        var own = shape with { Consumers = [consumer] };
        using var offsets = new KafkaOffsetsReader(kafka, own);
        using var stats = new WorkerStatsReader(app, own);
        using var deadline = new CancellationTokenSource(limit);
        var behind = -1L;
        try
        {
            while ((behind = await BehindAsync(offsets, stats, consumer, deadline.Token)) > 0)
            {
                await Task.Delay(Interval, deadline.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or Confluent.Kafka.KafkaException)
        {
            app.Console.Info($"{consumer.Resource} is {(behind < 0 ? "an unknown number of" : behind)} message(s) behind; stopping it anyway: it resumes from its store on the next start.");
        }
    }

    // Messages on the topic past both what the consumer's replicas have fetched and what its group committed.
    private static async Task<long> BehindAsync(KafkaOffsetsReader offsets, WorkerStatsReader stats, PipelineConsumer consumer, CancellationToken cancellationToken)
    {
        var kafka = await Task.Run(offsets.Read, cancellationToken);
        var replicas = (await stats.ReadAsync(cancellationToken)).GetValueOrDefault(consumer.Resource) ?? [];
        var committed = kafka.Committed.GetValueOrDefault(consumer.Group) ?? new Dictionary<int, long>();
        return kafka.TopicEnds.Sum(end =>
        {
            var fetched = replicas.Select(r => r.Stats.Positions.GetValueOrDefault(end.Key, -1)).Append(committed.GetValueOrDefault(end.Key, 0)).Max();
            return Math.Max(0, end.Value - fetched);
        });
    }
}
