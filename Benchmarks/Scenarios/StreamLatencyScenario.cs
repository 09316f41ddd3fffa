using System.Globalization;
using Microsoft.Data.Sqlite;
using Signups.Benchmarks.Harness;
using Signups.Messaging;

namespace Signups.Benchmarks.Scenarios;

/// <summary>
/// End-to-end latency of the StreamWorker at a steady 1,000 signups/s: from the moment the load generator created
/// an event (<c>signed_up_at</c>, just before publishing it) to the transaction that moved the user to
/// awaiting_confirmation (<c>updated_at</c>, taken when the transaction starts; its commit follows within a
/// millisecond or so). Same machine, same clock.
/// </summary>
internal sealed class StreamLatencyScenario : IBenchmarkScenario
{
    private const int Rate = 1000;
    private const int Count = 20_000;
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromMinutes(2);

    public string Name => "stream-latency";

    public IReadOnlyList<string> Keys => ["stream_p50_latency_ms", "stream_p99_latency_ms"];

    public async Task<ScenarioFigures> RunOnceAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        await using var broker = await BenchmarkBroker.StartAsync(Path.Combine(context.WorkDirectory, "broker"), 12, producerEnvironment: null, cancellationToken);
        await using var worker = await BenchmarkWorker.StartAsync(BenchmarkWorker.Stream, broker.BootstrapServers, $"latency-{Guid.NewGuid():N}",
            Path.Combine(context.WorkDirectory, "worker"), environment: null, cancellationToken);
        await LoadGeneratorRun.RunAsync(broker.BootstrapServers, SignupTopics.UserSignups, Count, Rate, context, cancellationToken);
        await worker.WaitForProcessedAsync(Count, ProcessTimeout, cancellationToken);

        var latencies = await LatenciesAsync(worker.DatabasePath, cancellationToken);
        var figures = new ScenarioFigures();
        figures.Figures["stream_p50_latency_ms"] = Percentile(latencies, 0.50);
        figures.Figures["stream_p99_latency_ms"] = Percentile(latencies, 0.99);
        figures.Facts["stream_latency_load"] = $"{Count} signups at {Rate}/s";
        context.Log.WriteLine(FormattableString.Invariant($"    {latencies.Count} users: p50 {figures.Figures["stream_p50_latency_ms"]:0.0} ms, p99 {figures.Figures["stream_p99_latency_ms"]:0.0} ms, max {latencies[^1]:0.0} ms"));
        return figures;
    }

    private static async Task<List<double>> LatenciesAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT signed_up_at, updated_at FROM users";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var latencies = new List<double>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var signedUp = DateTimeOffset.Parse(reader.GetString(0), CultureInfo.InvariantCulture);
            var updated = DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
            latencies.Add((updated - signedUp).TotalMilliseconds);
        }

        latencies.Sort();
        return latencies;
    }

    private static double Percentile(List<double> sorted, double fraction) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
}
