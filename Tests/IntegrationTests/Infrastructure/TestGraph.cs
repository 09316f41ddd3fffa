using Signups.AppHost;
using Signups.AppHost.Hosting;

namespace Signups.IntegrationTests.Infrastructure;

/// <summary>
/// A whole Signups graph for one test, built by the AppHost's own code: its own dev broker (so its own
/// topics), a data directory of its own, free ports, output kept in memory and shown when the test ends.
/// </summary>
internal sealed class TestGraph : IAsyncDisposable
{
    private readonly TimeProvider _clock = TimeProvider.System;

    private TestGraph(DistributedApplication app, AppHostOptions options)
    {
        App = app;
        Options = options;
        Stores = new StoreInspector(options.DataPath);
    }

    public DistributedApplication App { get; }

    public AppHostOptions Options { get; }

    public StoreInspector Stores { get; }

    public Uri Producer => App.GetEndpoint("producer");

    public string BootstrapServers => App.GetConnectionString("kafka");

    public ProjectResource StreamWorker => App.GetProject("stream-worker");

    public ProjectResource BatchWorker => App.GetProject("batch-worker");

    /// <summary>Everything a resource's replicas wrote, as text.</summary>
    public string LogOf(string resource) => string.Join(Environment.NewLine, App.GetResource(resource).Log.Snapshot().Select(l => $"{l.Source}| {l.Text}"));

    public static AppHostOptions DefaultOptions() => new()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "signups-tests", $"{DateTime.UtcNow:MMdd-HHmmss}-{Guid.NewGuid():N}"[..24]),
        DemoLoad = false,
        ProducerPort = 0,
        DashboardPort = -1,
        EchoOutput = false,
        RestartDelay = TimeSpan.FromMilliseconds(200),
        StopGracePeriod = TimeSpan.FromSeconds(15),
        StartTimeout = TimeSpan.FromSeconds(90),

        // Rebalances on the dev broker last about a session timeout; tests keep it short.
        DevBrokerSessionTimeout = TimeSpan.FromSeconds(3),
    };

    /// <summary>Starts a graph; <paramref name="configure"/> adjusts the options first.</summary>
    public static Task<TestGraph> StartAsync(Action<AppHostOptions>? configure = null) => StartAsync(SignupsAppHost.Create, configure);

    /// <summary>Starts the dev broker, the idempotency store and the Producer only (no workers): quicker, for the Producer's own tests.</summary>
    public static Task<TestGraph> StartProducerOnlyAsync(Action<AppHostOptions>? configure = null) => StartAsync(SignupsAppHost.CreateProducerOnly, configure);

    private static async Task<TestGraph> StartAsync(Func<AppHostOptions, DistributedApplication> create, Action<AppHostOptions>? configure)
    {
        var options = DefaultOptions();
        configure?.Invoke(options);
        var graph = new TestGraph(create(options), options);
        try
        {
            await graph.App.StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            await graph.DisposeAsync();
            throw;
        }

        return graph;
    }

    public async ValueTask DisposeAsync()
    {
        var started = _clock.GetTimestamp();
        await App.StopAsync();
        WriteOutput(_clock.GetElapsedTime(started));
    }

    /// <summary>Everything the graph's processes wrote, oldest first, for the test's output.</summary>
    private void WriteOutput(TimeSpan stopping)
    {
        var output = TestContext.Current.TestOutputHelper;
        if (output is null)
        {
            return;
        }

        var lines = App.Resources.SelectMany(r => r.Log.Snapshot()).Concat(App.Console.Log.Snapshot()).OrderBy(l => l.Time).TakeLast(400);
        output.WriteLine($"Data directory: {Options.DataPath}; stopping took {stopping.TotalSeconds:0.0} s. Last lines:");
        foreach (var line in lines)
        {
            output.WriteLine($"{line.Time:HH:mm:ss.fff} {line.Source,-16}| {line.Text}");
        }
    }
}
