using System.Globalization;
using Signups.Benchmarks.Harness;
using Signups.Benchmarks.RawCopy;
using Signups.Messaging;
using Signups.Consuming;

namespace Signups.Benchmarks.Scenarios;

/// <summary>
/// The BatchWorker on each store, side by side in one run with the same events on one dev broker, each against its
/// store's own bulk path with the same rows and offsets: SQLite's (the raw sink, as in worker-throughput) and
/// PostgreSQL's (binary COPY on the same server and database, <see cref="RawCopyLoop"/>). PostgreSQL runs from the
/// machine's binaries as the AppHost runs it (<c>--store postgres</c>).
/// </summary>
internal sealed class BatchWorkerStoresScenario : IBenchmarkScenario
{
    private const int Partitions = 12;
    private static readonly TimeSpan ConsumeTimeout = TimeSpan.FromMinutes(5);

    public string Name => "batch-worker-stores";

    public IReadOnlyList<string> Keys =>
    [
        "batch_worker_sqlite_msgs_per_s", "raw_sink_sqlite_rows_per_s", "batch_worker_sqlite_vs_raw_sink",
        "batch_worker_postgres_msgs_per_s", "raw_copy_postgres_rows_per_s", "batch_worker_postgres_vs_raw_copy",
        "batch_worker_postgres_vs_sqlite", "batch_worker_postgres_peak_rss_mb",
    ];

    public async Task<ScenarioFigures> RunOnceAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var count = context.Settings.ConsumeCount;
        await using var broker = await BenchmarkBroker.StartWithSignupsAsync(context, Partitions, count, cancellationToken);

        var figures = new ScenarioFigures();
        var sqlite = await BatchWorkerAsync(broker.BootstrapServers, count, "sqlite", environment: null, context, cancellationToken);
        figures.Figures["batch_worker_sqlite_msgs_per_s"] = sqlite.Rate;
        figures.Figures["raw_sink_sqlite_rows_per_s"] = (await WorkerThroughputScenario.SinkAsync(broker.BootstrapServers, count, sqlite.Database, context, cancellationToken)).RowsPerSecond;

        await using var postgres = await BenchmarkPostgres.StartAsync(Path.Combine(context.WorkDirectory, "postgres"), cancellationToken);
        await postgres.CreateDatabaseAsync("analytics", cancellationToken);
        var analytics = postgres.ConnectionString("analytics");
        var onPostgres = await BatchWorkerAsync(broker.BootstrapServers, count, "postgres",
            new Dictionary<string, string> { ["ConnectionStrings__analytics-db"] = analytics }, context, cancellationToken);
        figures.Figures["batch_worker_postgres_msgs_per_s"] = onPostgres.Rate;
        figures.Figures["batch_worker_postgres_peak_rss_mb"] = onPostgres.PeakRss;
        var copy = await RawCopyLoop.RunAsync(broker.BootstrapServers, SignupTopics.UserSignups, count, analytics, batchSize: BatchingOptions.DefaultMaxBatchSize, cancellationToken);
        context.Log.WriteLine(FormattableString.Invariant($"    raw COPY: {copy.RowsPerSecond:N0} rows/s over {copy.Seconds:0.00} s, {copy.Transactions} transactions"));
        figures.Figures["raw_copy_postgres_rows_per_s"] = copy.RowsPerSecond;

        figures.Figures["batch_worker_sqlite_vs_raw_sink"] = sqlite.Rate / figures.Figures["raw_sink_sqlite_rows_per_s"];
        figures.Figures["batch_worker_postgres_vs_raw_copy"] = onPostgres.Rate / copy.RowsPerSecond;
        figures.Figures["batch_worker_postgres_vs_sqlite"] = onPostgres.Rate / sqlite.Rate;
        figures.Facts["consume_count"] = count.ToString(CultureInfo.InvariantCulture);
        figures.Facts["consume_partitions"] = Partitions.ToString(CultureInfo.InvariantCulture);
        return figures;
    }

    private static async Task<(double Rate, double PeakRss, string Database)> BatchWorkerAsync(
        string bootstrapServers, long count, string store, IReadOnlyDictionary<string, string>? environment, BenchmarkContext context, CancellationToken cancellationToken)
    {
        await using var worker = await BenchmarkWorker.StartAsync(BenchmarkWorker.Batch, bootstrapServers, $"batch-{store}-bench-{Guid.NewGuid():N}",
            Path.Combine(context.WorkDirectory, $"batch-{store}"), environment, cancellationToken);
        var stats = await worker.WaitForProcessedAsync(count, ConsumeTimeout, cancellationToken);
        if (stats.Processed != count || stats.FirstReceivedAt is not { } first || stats.LastPersistedAt is not { } last)
        {
            throw new InvalidOperationException($"the BatchWorker on {store} persisted {stats.Processed} of {count} events.");
        }

        var rate = count / (last - first).TotalSeconds;
        var peak = worker.PeakRssMegabytes;
        var stopped = await worker.StopAsync();
        context.Log.WriteLine(FormattableString.Invariant($"    batch-worker on {store}: {rate:N0} msg/s over {(last - first).TotalSeconds:0.00} s, {stats.Batches} batches; stop: exit code {stopped.ExitCode} after {stopped.Duration.TotalSeconds:0.0} s"));
        return (rate, peak, worker.DatabasePath);
    }
}
