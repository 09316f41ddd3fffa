using System.Globalization;
using Confluent.Kafka;
using Signups.Benchmarks.Harness;
using Signups.Messaging;

namespace Signups.Benchmarks.Scenarios;

/// <summary>
/// A bad deploy of a producer: every event on the topic is broken (not JSON). Each worker in turn, in a group of its
/// own, reads them all and puts each on the dead-letter topic, acknowledged before its offset moves on (the same
/// rule as for one poison message). Timed from the worker's first message to the moment its <c>/stats</c> shows
/// every one dead-lettered (polled every 20 ms).
/// </summary>
internal sealed class PoisonFloodScenario : IBenchmarkScenario
{
    private const int Partitions = 12;
    private const int Count = 50_000;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);
    private int _runs;

    public string Name => "poison-flood";

    public IReadOnlyList<string> Keys => ["stream_worker_dead_letters_per_s", "batch_worker_dead_letters_per_s"];

    public async Task<ScenarioFigures> RunOnceAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        await using var broker = await BenchmarkBroker.StartAsync(Path.Combine(context.WorkDirectory, "broker"), Partitions, producerEnvironment: null, cancellationToken);
        PublishPoison(broker.BootstrapServers);

        var figures = new ScenarioFigures();
        string[] order = _runs++ % 2 == 0 ? [BenchmarkWorker.Stream, BenchmarkWorker.Batch] : [BenchmarkWorker.Batch, BenchmarkWorker.Stream];
        foreach (var turn in order)
        {
            await using var worker = await BenchmarkWorker.StartAsync(turn, broker.BootstrapServers, $"{turn}-poison-{Guid.NewGuid():N}",
                Path.Combine(context.WorkDirectory, turn), environment: null, cancellationToken);
            var (stats, at) = await WaitForDeadLettersAsync(worker, cancellationToken);
            if (stats.DeadLettered != Count || stats.FirstReceivedAt is not { } first)
            {
                throw new InvalidOperationException($"{turn} dead-lettered {stats.DeadLettered} of {Count} messages.");
            }

            var seconds = (at - first).TotalSeconds;
            var key = turn == BenchmarkWorker.Batch ? "batch_worker" : "stream_worker";
            figures.Figures[$"{key}_dead_letters_per_s"] = Count / seconds;
            var stopped = await worker.StopAsync();
            context.Log.WriteLine(FormattableString.Invariant($"    {turn}: {Count / seconds:N0} dead letters/s over {seconds:0.00} s; stop: exit code {stopped.ExitCode}"));
        }

        figures.Facts["poison_count"] = Count.ToString(CultureInfo.InvariantCulture);
        return figures;
    }

    private static void PublishPoison(string bootstrapServers)
    {
        using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = bootstrapServers, LingerMs = 5 }).Build();
        var failed = 0;
        for (var i = 0; i < Count; i++)
        {
            producer.Produce(SignupTopics.UserSignups, new Message<byte[], byte[]>
            {
                Key = BitConverter.GetBytes(i),
                Value = "{\"eventId\": not json"u8.ToArray(),
                Headers = new Headers { { MessageHeaders.EventType, UserSignedUpSerializer.EventTypeHeaderValue } },
            }, report => { if (report.Error.IsError) { Interlocked.Increment(ref failed); } });
        }

        producer.Flush(Timeout);
        if (failed > 0)
        {
            throw new InvalidOperationException($"{failed} of {Count} poison messages were not acknowledged; the run measures nothing.");
        }
    }

    private static async Task<(Signups.Consuming.ConsumerStats Stats, DateTimeOffset At)> WaitForDeadLettersAsync(BenchmarkWorker worker, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        using var timer = new PeriodicTimer(Poll);
        while (true)
        {
            var stats = await worker.StatsAsync(deadline.Token);
            if (stats.DeadLettered >= Count)
            {
                return (stats, DateTimeOffset.UtcNow);
            }

            await timer.WaitForNextTickAsync(deadline.Token);
        }
    }
}
