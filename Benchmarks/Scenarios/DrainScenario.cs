using Signups.AppHost;
using Signups.Benchmarks.Harness;
using Signups.Messaging;

namespace Signups.Benchmarks.Scenarios;

/// <summary>
/// How long the BatchWorker takes from SIGTERM to exit while its buffer holds a full batch (MaxBatchSize − 1
/// events, so that neither trigger has fired): stop fetching, flush, commit, leave the group. The whole graph runs.
/// </summary>
internal sealed class DrainScenario : IBenchmarkScenario
{
    private const int BatchSize = 5000;
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public string Name => "drain";

    public IReadOnlyList<string> Keys => ["drain_seconds"];

    public async Task<ScenarioFigures> RunOnceAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var options = BenchmarkAppHostOptions.Create(Path.Combine(context.WorkDirectory, "data"), TimeSpan.FromSeconds(30));
        options.Environment["batch-worker"] = new()
        {
            ["BatchWorker__MaxBatchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["BatchWorker__MaxBatchDelay"] = "00:10:00",
        };
        await using var app = SignupsAppHost.Create(options);
        await app.StartAsync(cancellationToken);
        await LoadGeneratorRun.RunAsync(app.GetConnectionString("kafka"), SignupTopics.UserSignups, BatchSize - 1, rate: 0, context, cancellationToken);

        var worker = app.GetProject("batch-worker");
        using var http = new HttpClient { BaseAddress = worker.Endpoint };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Limit);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while ((await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync(http, "/stats", BenchmarkJsonContext.Default.ConsumerStats, deadline.Token))!.Pending < BatchSize - 1)
        {
            await poll.WaitForNextTickAsync(deadline.Token);
        }

        var stopped = (await worker.StopReplicasAsync(options.StopGracePeriod))[0];
        if (stopped.Killed || stopped.ExitCode != 0)
        {
            throw new InvalidOperationException($"the batch worker did not drain cleanly: {stopped.Note}");
        }

        var figures = new ScenarioFigures();
        figures.Figures["drain_seconds"] = stopped.Duration.TotalSeconds;
        figures.Facts["drain_batch"] = $"{BatchSize - 1} events buffered, MaxBatchSize {BatchSize}";
        context.Log.WriteLine(FormattableString.Invariant($"    SIGTERM to exit with {BatchSize - 1} buffered events: {stopped.Duration.TotalSeconds:0.00} s"));
        return figures;
    }
}
