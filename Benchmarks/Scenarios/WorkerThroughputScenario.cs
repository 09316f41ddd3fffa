using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Signups.Benchmarks.Harness;
using Signups.Benchmarks.RawConsume;
using Signups.Benchmarks.RawSink;
using Signups.Messaging;

namespace Signups.Benchmarks.Scenarios;

/// <summary>
/// The workers end to end (consume, deserialize, persist with offsets, commit) against a plain Confluent.Kafka
/// consume loop, all reading the same events on the same dev broker, one at a time, each in a group of its own
/// and with a store of its own; and the BatchWorker's store alone: the same rows and offsets written by SQLite's
/// bulk path without Kafka (the raw sink). The BatchWorker's limit is the slower of its two yardsticks,
/// <c>batch_worker_vs_limit = batch / min(raw consume, raw sink)</c>. Each is timed from its first message to its last persisted one; the ratios are
/// taken within a run. The BatchWorker flushes its last batch after 200 ms instead of 5 s. Its peak memory is read from the kernel (VmHWM) after it has consumed everything.
/// </summary>
internal sealed class WorkerThroughputScenario : IBenchmarkScenario
{
    private const int Partitions = 12;
    private static readonly TimeSpan ConsumeTimeout = TimeSpan.FromMinutes(5);

    private int _runs;

    public string Name => "worker-throughput";

    public IReadOnlyList<string> Keys =>
    [
        "raw_consume_msgs_per_s", "raw_sink_rows_per_s", "batch_worker_msgs_per_s", "stream_worker_msgs_per_s",
        "batch_worker_vs_raw_ratio", "batch_worker_vs_limit", "stream_worker_vs_raw_ratio", "batch_worker_peak_rss_mb",
    ];

    public async Task<ScenarioFigures> RunOnceAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var count = context.Settings.ConsumeCount;
        await using var broker = await BenchmarkBroker.StartWithSignupsAsync(context, Partitions, count, cancellationToken);

        // Mirrored order on alternate runs, so that drift of the machine's speed weighs on all alike. The raw sink copies
        // the BatchWorker's tables, so it comes right after it.
        string[] order = _runs++ % 2 == 0 ? ["raw", BenchmarkWorker.Batch, "sink", BenchmarkWorker.Stream] : [BenchmarkWorker.Stream, BenchmarkWorker.Batch, "sink", "raw"];
        var batchDatabase = string.Empty;
        var figures = new ScenarioFigures();
        foreach (var turn in order)
        {
            if (turn == "raw")
            {
                figures.Figures["raw_consume_msgs_per_s"] = (await RawAsync(broker.BootstrapServers, count, context, cancellationToken)).ConsumedPerSecond;
                continue;
            }

            if (turn == "sink")
            {
                figures.Figures["raw_sink_rows_per_s"] = (await SinkAsync(broker.BootstrapServers, count, batchDatabase, context, cancellationToken)).RowsPerSecond;
                continue;
            }

            await using var worker = await BenchmarkWorker.StartAsync(turn, broker.BootstrapServers, $"{turn}-bench-{Guid.NewGuid():N}",
                Path.Combine(context.WorkDirectory, turn), environment: null, cancellationToken);
            var stats = await worker.WaitForProcessedAsync(count, ConsumeTimeout, cancellationToken);
            if (stats.Processed != count || stats.FirstReceivedAt is not { } first || stats.LastPersistedAt is not { } last)
            {
                throw new InvalidOperationException($"{turn} persisted {stats.Processed} of {count} events.");
            }

            var key = turn == BenchmarkWorker.Batch ? "batch_worker" : "stream_worker";
            figures.Figures[$"{key}_msgs_per_s"] = count / (last - first).TotalSeconds;
            if (turn == BenchmarkWorker.Batch)
            {
                figures.Figures["batch_worker_peak_rss_mb"] = worker.PeakRssMegabytes;
                batchDatabase = worker.DatabasePath;
            }

            var stopped = await worker.StopAsync();
            context.Log.WriteLine(FormattableString.Invariant($"    {turn}: {count / (last - first).TotalSeconds:N0} msg/s over {(last - first).TotalSeconds:0.00} s, {stats.Batches} batches; stop: exit code {stopped.ExitCode} after {stopped.Duration.TotalSeconds:0.0} s"));
        }

        figures.Figures["batch_worker_vs_raw_ratio"] = figures.Figures["batch_worker_msgs_per_s"] / figures.Figures["raw_consume_msgs_per_s"];
        figures.Figures["batch_worker_vs_limit"] = figures.Figures["batch_worker_msgs_per_s"] / Math.Min(figures.Figures["raw_consume_msgs_per_s"], figures.Figures["raw_sink_rows_per_s"]);
        figures.Figures["stream_worker_vs_raw_ratio"] = figures.Figures["stream_worker_msgs_per_s"] / figures.Figures["raw_consume_msgs_per_s"];
        figures.Facts["consume_count"] = count.ToString(CultureInfo.InvariantCulture);
        figures.Facts["consume_partitions"] = Partitions.ToString(CultureInfo.InvariantCulture);
        return figures;
    }

    internal static async Task<RawSinkResult> SinkAsync(string bootstrapServers, long count, string schemaFrom, BenchmarkContext context, CancellationToken cancellationToken)
    {
        var database = Path.Combine(context.WorkDirectory, "raw-sink", $"analytics-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        var result = await YardstickAsync("raw-sink", BenchmarkJsonContext.Default.RawSinkResult, context, cancellationToken,
            "--bootstrap-servers", bootstrapServers, "--topic", SignupTopics.UserSignups, "--count", count.ToString(CultureInfo.InvariantCulture),
            "--schema-from", schemaFrom, "--database", database);
        context.Log.WriteLine(FormattableString.Invariant($"    raw sink: {result.RowsPerSecond:N0} rows/s over {result.Seconds:0.00} s, {result.Transactions} transactions"));
        return result;
    }

    private static async Task<RawConsumeResult> RawAsync(string bootstrapServers, long count, BenchmarkContext context, CancellationToken cancellationToken)
    {
        var result = await YardstickAsync("raw-consume", BenchmarkJsonContext.Default.RawConsumeResult, context, cancellationToken,
            "--bootstrap-servers", bootstrapServers, "--topic", SignupTopics.UserSignups, "--group", $"raw-{Guid.NewGuid():N}",
            "--count", count.ToString(CultureInfo.InvariantCulture));
        context.Log.WriteLine(FormattableString.Invariant($"    raw consume loop: {result.ConsumedPerSecond:N0} msg/s over {result.Seconds:0.00} s"));
        return result;
    }

    // One of this program's yardstick commands as a process of its own; its figures from the JSON file it writes.
    private static async Task<T> YardstickAsync<T>(string command, JsonTypeInfo<T> result, BenchmarkContext context, CancellationToken cancellationToken, params string[] arguments)
    {
        var resultFile = Path.Combine(context.WorkDirectory, $"{command}.json");
        await ChildProcess.RunAsync("dotnet", [typeof(WorkerThroughputScenario).Assembly.Location, command, .. arguments, "--result", resultFile],
            null, ConsumeTimeout, cancellationToken);
        return JsonSerializer.Deserialize(await File.ReadAllTextAsync(resultFile, cancellationToken), result)!;
    }
}
