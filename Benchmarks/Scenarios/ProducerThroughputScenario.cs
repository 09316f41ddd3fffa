using System.Globalization;
using System.Text.Json;
using Signups.AppHost;
using Signups.Benchmarks.Harness;
using Signups.Benchmarks.RawProduce;

namespace Signups.Benchmarks.Scenarios;

/// <summary>
/// The load generator (<c>Signups.Producer load --rate 0</c>) against a plain Confluent.Kafka produce loop
/// (<c>Signups.Benchmarks raw-produce</c>): whole processes, one at a time, against the same dev broker, each on a
/// topic of its own with the same partitions, the same number of events of about the same size and the
/// Producer's librdkafka settings. Each run has two of each, in mirrored order; the ratio is taken within a run.
/// </summary>
internal sealed class ProducerThroughputScenario : IBenchmarkScenario
{
    private const int Partitions = 12;
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromMinutes(5);
    private int _runs;

    public string Name => "producer-throughput";

    public IReadOnlyList<string> Keys => ["raw_produce_msgs_per_s", "producer_msgs_per_s", "producer_vs_raw_ratio"];

    public async Task<ScenarioFigures> RunOnceAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        await using var broker = await BenchmarkBroker.StartAsync(Path.Combine(context.WorkDirectory, "data"), Partitions, producerEnvironment: null, cancellationToken);
        await broker.CreateTopicAsync("bench_raw", Partitions, cancellationToken);
        await broker.CreateTopicAsync("bench_producer", Partitions, cancellationToken);

        // raw, load, load, raw (or the reverse on the next run): drift of the machine's speed during a run
        // weighs on both alike.
        var rawFirst = _runs++ % 2 == 0;
        var raws = new List<RawProduceResult>();
        var loads = new List<LoadSummaryFile>();
        foreach (var turn in rawFirst ? new[] { true, false, false, true } : [false, true, true, false])
        {
            if (turn)
            {
                raws.Add(await RawAsync(broker, context, cancellationToken));
            }
            else
            {
                loads.Add(await LoadAsync(broker, context, cancellationToken));
            }
        }

        var raw = raws.Average(r => r.AcknowledgedPerSecond);
        var load = loads.Average(l => l.AcknowledgedPerSecond);
        var figures = new ScenarioFigures();
        figures.Figures["raw_produce_msgs_per_s"] = raw;
        figures.Figures["producer_msgs_per_s"] = load;
        figures.Figures["producer_vs_raw_ratio"] = load / raw;
        figures.Facts["message_count"] = context.Settings.MessageCount.ToString(CultureInfo.InvariantCulture);
        figures.Facts["message_bytes"] = loads[0].MessageBytes.ToString(CultureInfo.InvariantCulture);
        figures.Facts["raw_message_bytes"] = raws[0].MessageBytes.ToString(CultureInfo.InvariantCulture);
        figures.Facts["producer_partitions"] = Partitions.ToString(CultureInfo.InvariantCulture);
        context.Log.WriteLine(FormattableString.Invariant(
            $"    raw {string.Join(" / ", raws.Select(r => $"{r.AcknowledgedPerSecond:N0}"))}, load {string.Join(" / ", loads.Select(l => $"{l.AcknowledgedPerSecond:N0}"))} msg/s; load generator ack latency p50 {loads[0].LatencyP50Ms:0.0} ms, p99 {loads[0].LatencyP99Ms:0.0} ms"));
        return figures;
    }

    private static async Task<RawProduceResult> RawAsync(BenchmarkBroker broker, BenchmarkContext context, CancellationToken cancellationToken)
    {
        var resultFile = Path.Combine(context.WorkDirectory, "raw.json");
        var settings = Path.Combine(Path.GetDirectoryName(ServiceAssemblies.Producer)!, "appsettings.json");
        await ChildProcess.RunAsync("dotnet",
            [typeof(ProducerThroughputScenario).Assembly.Location, "raw-produce", "--bootstrap-servers", broker.BootstrapServers,
             "--topic", "bench_raw", "--count", context.Settings.MessageCount.ToString(CultureInfo.InvariantCulture), "--settings", settings, "--result", resultFile,
             .. context.Settings.ProducerConfig.SelectMany(c => new[] { "--config", $"{c.Key}={c.Value}" })],
            null, ProcessTimeout, cancellationToken);
        return JsonSerializer.Deserialize(await File.ReadAllTextAsync(resultFile, cancellationToken), BenchmarkJsonContext.Default.RawProduceResult)!;
    }

    private static Task<LoadSummaryFile> LoadAsync(BenchmarkBroker broker, BenchmarkContext context, CancellationToken cancellationToken) =>
        LoadGeneratorRun.RunAsync(broker.BootstrapServers, "bench_producer", context.Settings.MessageCount, rate: 0, context, cancellationToken);
}
