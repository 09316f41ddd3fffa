using Confluent.Kafka;
using Signups.AppHost.Hosting;
using Signups.AppHost.Pipeline;

namespace Signups.AppHost.Dashboard.Metrics;

/// <summary>
/// Samples the pipeline once per interval while the app lives: Kafka's watermarks and committed offsets, and
/// the workers' <c>/stats</c>. Keeps the last <see cref="HistoryLength"/> samples for the dashboard's charts
/// and the status line.
/// </summary>
public sealed class PipelineMonitor : IAsyncDisposable
{
    /// <summary>Samples kept: five minutes at the default interval.</summary>
    public const int HistoryLength = 300;

    private readonly DistributedApplication _app;
    private readonly TimeSpan _interval;
    private readonly PipelineSampleCalculator _calculator;
    private readonly WorkerStatsReader _workers;
    private readonly Lock _lock = new();
    private readonly Queue<PipelineSample> _history = new();
    private readonly CancellationTokenSource _stopping = new();
    private KafkaOffsetsReader? _kafka;
    private bool _kafkaFailing;
    private Task _loop = Task.CompletedTask;

    internal PipelineMonitor(DistributedApplication app, PipelineShape shape, TimeSpan interval)
    {
        _app = app;
        _interval = interval;
        Shape = shape;
        _calculator = new PipelineSampleCalculator(shape);
        _workers = new WorkerStatsReader(app, shape);
    }

    /// <summary>What is measured.</summary>
    public PipelineShape Shape { get; }

    /// <summary>The most recent sample; null before the first.</summary>
    public PipelineSample? Latest
    {
        get
        {
            lock (_lock)
            {
                return _history.LastOrDefault();
            }
        }
    }

    /// <summary>The kept samples, oldest first.</summary>
    public IReadOnlyList<PipelineSample> History()
    {
        lock (_lock)
        {
            return [.. _history];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _loop;
        _workers.Dispose();
        // Closing a client whose broker is gone can take a while; it must not hold up the AppHost's exit.
        await Task.Run(() => _kafka?.Dispose()).WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        _stopping.Dispose();
    }

    internal void Start() => _loop = Task.Run(() => RunAsync(_stopping.Token));

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_interval);
        try
        {
            do
            {
                await SampleAsync(cancellationToken);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        var offsets = await ReadKafkaAsync(cancellationToken);
        var stats = await _workers.ReadAsync(cancellationToken);
        var sample = _calculator.Next(DateTimeOffset.UtcNow, offsets, stats);
        lock (_lock)
        {
            _history.Enqueue(sample);
            while (_history.Count > HistoryLength)
            {
                _history.Dequeue();
            }
        }
    }

    private async Task<KafkaOffsets?> ReadKafkaAsync(CancellationToken cancellationToken)
    {
        var kafka = _app.GetResource(Shape.Kafka);
        if (kafka.State != ResourceState.Running || (kafka as IResourceWithConnectionString)?.ConnectionString is not { } bootstrap)
        {
            return null;
        }

        if (_kafka?.BootstrapServers != bootstrap)
        {
            _kafka?.Dispose();
            _kafka = new KafkaOffsetsReader(bootstrap, Shape);
        }

        try
        {
            var offsets = await Task.Run(_kafka.Read, cancellationToken);
            if (_kafkaFailing)
            {
                _kafkaFailing = false;
                _app.Console.Info($"dashboard: Kafka at {bootstrap} answers again.");
            }

            return offsets;
        }
        catch (KafkaException e)
        {
            if (!_kafkaFailing)
            {
                _kafkaFailing = true;
                _app.Console.Error($"dashboard: Kafka at {bootstrap} did not answer ({e.Error.Reason}); charts pause until it does.");
            }

            return null;
        }
    }
}
