using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Signups.AppHost;
using Signups.AppHost.Lifecycle;
using Signups.DevBroker.Contracts;

namespace Signups.IntegrationTests.Infrastructure;

/// <summary>
/// A whole Signups graph for one test, started from the AppHost itself with Aspire.Hosting.Testing: its own dev broker
/// (so its own topics), a data directory of its own, ports Aspire chooses, output kept in memory and shown when the
/// test ends.
/// </summary>
internal sealed class TestGraph : IAsyncDisposable
{
    private static readonly string[] Workers = ["stream-worker", "batch-worker"];
    private readonly LogCapture _logs;
    private readonly Dictionary<string, GraphResource> _resources;
    private readonly CancellationTokenSource _watching = new();
    private Task _watch = Task.CompletedTask;
    private bool _stopped;

    private TestGraph(DistributedApplication app, GraphOptions options, LogCapture logs)
    {
        App = app;
        Options = options;
        Stores = new StoreInspector(options.DataPath, options.Workers.Contains("stream-worker"), options.Workers.Contains("batch-worker"), options.Store);
        _logs = logs;
        _resources = app.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .ToDictionary(r => r.Name, r => new GraphResource(app, r.Name), StringComparer.Ordinal);
    }

    public DistributedApplication App { get; }

    public GraphOptions Options { get; }

    public StoreInspector Stores { get; }

    /// <summary>The Producer's address (Aspire's endpoint).</summary>
    public Uri Producer { get; private set; } = null!;

    /// <summary>The <c>kafka</c> connection string, as the services get it.</summary>
    public string BootstrapServers { get; private set; } = "";

    /// <summary>The dev broker's control API.</summary>
    public DevBrokerClient DevBroker => new(App.GetEndpoint("kafka", "http"));

    public GraphResource StreamWorker => _resources["stream-worker"];

    public GraphResource BatchWorker => _resources["batch-worker"];

    public GraphResource Resource(string name) => _resources[name];

    /// <summary>Where the first replica of <paramref name="resource"/> serves HTTP itself.</summary>
    public Uri EndpointOf(string resource) =>
        _resources[resource].Replicas.Select(r => r.Endpoint).FirstOrDefault(e => e is not null)
        ?? throw new InvalidOperationException($"{resource} has no running replica.");

    /// <summary>Runs dashboard command <paramref name="command"/> on <paramref name="resource"/> (one replica); what it said it did.</summary>
    public async Task<string> ExecuteCommandAsync(string resource, string command)
    {
        var result = await App.ResourceCommands.ExecuteCommandAsync(resource, command, TestContext.Current.CancellationToken);
        Assert.True(result.Success, $"{command} on {resource}: {result.Message}");
        return result.Message ?? string.Empty;
    }

    /// <summary>Everything a resource's replicas wrote, as text.</summary>
    public string LogOf(string resource) => _logs.Of(resource);

    /// <summary>Starts the whole graph; <paramref name="configure"/> adjusts the options first.</summary>
    public static Task<TestGraph> StartAsync(Action<GraphOptions>? configure = null) => StartAsync(configure, producerOnly: false);

    /// <summary>The dev broker, the idempotency store and the Producer only (no workers): quicker, for the Producer's own tests.</summary>
    public static Task<TestGraph> StartProducerOnlyAsync(Action<GraphOptions>? configure = null) => StartAsync(configure, producerOnly: true);

    /// <summary>The AppHost's ordered stop (what Ctrl+C does), and how each replica ended.</summary>
    public async Task<IReadOnlyList<StopOutcome>> StopAsync()
    {
        _stopped = true;
        var orderedStop = App.Services.GetRequiredService<OrderedStop>();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await App.StopAsync(limit.Token);
        return orderedStop.Outcomes;
    }

    public async ValueTask DisposeAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (!_stopped)
        {
            await StopAsync();
        }

        await _watching.CancelAsync();
        await _watch.ContinueWith(_ => { }, TaskScheduler.Default);
        await App.DisposeAsync();
        _watching.Dispose();
        WriteOutput(clock.Elapsed);
    }

    private static async Task<TestGraph> StartAsync(Action<GraphOptions>? configure, bool producerOnly)
    {
        var options = new GraphOptions();
        configure?.Invoke(options);
        var cancellationToken = TestContext.Current.CancellationToken;
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Signups_AppHost>(
            options.Arguments(), (app, _) => app.DisableDashboard = true, cancellationToken);
        var logs = new LogCapture();
        // In memory only, shown when the test ends: the console is the test runner's.
        builder.Services.AddLogging(logging => logging.ClearProviders().AddProvider(logs));
        if (producerOnly)
        {
            options.Workers = [];
        }

        Without(builder, [
            .. Workers.Except(options.Workers),
            .. options.PipelinePage && !producerOnly ? Array.Empty<string>() : ["pipeline"],
            .. options.Producer ? Array.Empty<string>() : ["producer", "demo-load"],
            .. options.DemoLoad ? Array.Empty<string>() : ["demo-load"],
        ]);

        Configure(builder, options);
        var graph = new TestGraph(await builder.BuildAsync(cancellationToken), options, logs);
        try
        {
            await graph.StartAsync(cancellationToken);
        }
        catch
        {
            await graph.DisposeAsync();
            throw;
        }

        return graph;
    }

    private static void Configure(IDistributedApplicationTestingBuilder builder, GraphOptions options)
    {
        foreach (var worker in Workers.Where(w => builder.Resources.Any(r => r.Name == w)))
        {
            // Rebalances on the dev broker last about a session timeout; tests keep it short.
            // Heartbeats well inside it, also where the dev broker's own settings do not apply (an external Kafka).
            builder.CreateResourceBuilder<ProjectResource>(worker)
                .WithEnvironment("Aspire__Confluent__Kafka__Consumer__Config__SessionTimeoutMs", "3000")
                .WithEnvironment("Aspire__Confluent__Kafka__Consumer__Config__HeartbeatIntervalMs", "1000");
        }

        foreach (var resource in builder.Resources.OfType<ProjectResource>().Where(r => r.Name != "kafka"))
        {
            var service = builder.CreateResourceBuilder(resource);
            if (options.OtlpEndpoint is { } otlp)
            {
                service.WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", otlp)
                    .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", options.OtlpProtocol ?? "grpc");
            }

            foreach (var (name, value) in options.Environment.GetValueOrDefault(resource.Name) ?? [])
            {
                service.WithEnvironment(name, value);
            }
        }
    }

    // The model without some resources (and without anything waiting for them): fewer processes where a test needs none of them.
    private static void Without(IDistributedApplicationTestingBuilder builder, string[] names)
    {
        var removed = builder.Resources.Where(r => names.Contains(r.Name)).ToList();
        foreach (var resource in removed)
        {
            builder.Resources.Remove(resource);
        }

        foreach (var resource in builder.Resources)
        {
            foreach (var wait in resource.Annotations.OfType<WaitAnnotation>().Where(w => removed.Contains(w.Resource)).ToList())
            {
                resource.Annotations.Remove(wait);
            }
        }
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        _watch = Task.Run(() => WatchAsync(_watching.Token), CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Options.StartTimeout);
        await App.StartAsync(deadline.Token);
        if (Options.Producer)
        {
            await App.ResourceNotifications.WaitForResourceHealthyAsync("producer", deadline.Token);
        }

        await Eventually.WaitAsync("every replica running and healthy",
            () => _resources.Values.Where(r => Workers.Contains(r.Name)).All(r => r.Replicas.Count > 0 && r.Replicas.All(x => x.IsHealthy)), Options.StartTimeout);
        Producer = Options.Producer ? App.GetEndpoint("producer", "http") : null!;
        BootstrapServers = await App.GetConnectionStringAsync("kafka", deadline.Token) ?? throw new InvalidOperationException("kafka has no connection string.");
        if (Options.Store == SignupStore.Postgres)
        {
            Stores.UsePostgres(
                await App.GetConnectionStringAsync("users-db", deadline.Token) ?? throw new InvalidOperationException("users-db has no connection string."),
                await App.GetConnectionStringAsync("analytics-db", deadline.Token) ?? throw new InvalidOperationException("analytics-db has no connection string."));
        }
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        await foreach (var change in App.ResourceNotifications.WatchAsync(cancellationToken))
        {
            if (!change.Snapshot.IsHidden && _resources.TryGetValue(change.Resource.Name, out var resource))
            {
                resource.Observe(change);
            }
        }
    }

    /// <summary>The graph's last log lines, for the test's output.</summary>
    private void WriteOutput(TimeSpan stopping)
    {
        if (TestContext.Current.TestOutputHelper is not { } output)
        {
            return;
        }

        output.WriteLine($"Data directory: {Options.DataPath}; stopping took {stopping.TotalSeconds:0.0} s. Last lines:");
        foreach (var (time, source, text) in _logs.Lines.TakeLast(400))
        {
            output.WriteLine($"{time:HH:mm:ss.fff} {source,-16}| {text}");
        }
    }
}
