using Signups.Benchmarks.Harness;
using Signups.Messaging;

namespace Signups.Benchmarks.Scenarios;

/// <summary>
/// How long the BatchWorker takes from SIGTERM to exit while its buffer holds a full batch (MaxBatchSize − 1
/// events, so that neither trigger has fired): stop fetching, flush, commit, leave the group.
/// </summary>
internal sealed class DrainScenario : IBenchmarkScenario
{
    private const int BatchSize = 5000;
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public string Name => "drain";

    public IReadOnlyList<string> Keys => ["drain_seconds"];

    public async Task<ScenarioFigures> RunOnceAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        await using var broker = await BenchmarkBroker.StartAsync(Path.Combine(context.WorkDirectory, "broker"), 12, producerEnvironment: null, cancellationToken);
        await using var worker = await BenchmarkWorker.StartAsync(BenchmarkWorker.Batch, broker.BootstrapServers, $"drain-{Guid.NewGuid():N}",
            Path.Combine(context.WorkDirectory, "data"), new Dictionary<string, string>
            {
                ["BatchWorker__MaxBatchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["BatchWorker__MaxBatchDelay"] = "00:10:00",
            }, cancellationToken);
        await LoadGeneratorRun.RunAsync(broker.BootstrapServers, SignupTopics.UserSignups, BatchSize - 1, rate: 0, context, cancellationToken);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Limit);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while ((await worker.StatsAsync(deadline.Token)).Pending < BatchSize - 1)
        {
            await poll.WaitForNextTickAsync(deadline.Token);
        }

        var (exitCode, duration) = await worker.StopAsync();
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"the batch worker did not drain cleanly: exit code {exitCode} after {duration.TotalSeconds:0.0} s");
        }

        var figures = new ScenarioFigures();
        figures.Figures["drain_seconds"] = duration.TotalSeconds;
        figures.Facts["drain_batch"] = $"{BatchSize - 1} events buffered, MaxBatchSize {BatchSize}";
        context.Log.WriteLine(FormattableString.Invariant($"    SIGTERM to exit with {BatchSize - 1} buffered events: {duration.TotalSeconds:0.00} s"));
        return figures;
    }
}
