using Confluent.Kafka;
using Microsoft.Extensions.Options;

namespace Signups.PipelinePage.Monitoring;

/// <summary>
/// Samples the pipeline once per interval: Kafka's watermarks and committed offsets, and the workers' <c>/stats</c>.
/// Keeps the last <see cref="HistoryLength"/> samples for the page's charts.
/// </summary>
internal sealed partial class PipelineMonitor(
    IConfiguration configuration,
    IOptions<PipelinePageOptions> options,
    WorkerStatsReader workers,
    TimeProvider clock,
    ILogger<PipelineMonitor> logger) : BackgroundService
{
    /// <summary>Samples kept: five minutes at the default interval.</summary>
    public const int HistoryLength = 300;

    private readonly Lock _lock = new();
    private readonly Queue<PipelineSample> _history = new();
    private readonly PipelineSampleCalculator _calculator = new(options.Value.Shape);
    private KafkaOffsetsReader? _kafka;
    private bool _kafkaFailing;

    /// <summary>What is measured.</summary>
    public PipelineShape Shape { get; } = options.Value.Shape;

    /// <summary>The kept samples, oldest first.</summary>
    public IReadOnlyList<PipelineSample> History()
    {
        lock (_lock)
        {
            return [.. _history];
        }
    }

    public override void Dispose()
    {
        _kafka?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SampleInterval, clock);
        try
        {
            do
            {
                var offsets = await ReadKafkaAsync(stoppingToken);
                var stats = await workers.ReadAsync(stoppingToken);
                var sample = _calculator.Next(clock.GetUtcNow(), offsets, stats);
                lock (_lock)
                {
                    _history.Enqueue(sample);
                    while (_history.Count > HistoryLength)
                    {
                        _history.Dequeue();
                    }
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<KafkaOffsets?> ReadKafkaAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetConnectionString(Shape.Kafka) is not { Length: > 0 } bootstrap)
        {
            return null;
        }

        _kafka ??= new KafkaOffsetsReader(bootstrap, Shape);
        try
        {
            var offsets = await Task.Run(_kafka.Read, cancellationToken);
            if (_kafkaFailing)
            {
                _kafkaFailing = false;
                LogKafkaBack(logger, bootstrap);
            }

            return offsets;
        }
        catch (KafkaException e)
        {
            if (!_kafkaFailing)
            {
                _kafkaFailing = true;
                LogKafkaGone(logger, bootstrap, e.Error.Reason);
            }

            return null;
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Kafka at {Bootstrap} answers again.")]
    private static partial void LogKafkaBack(ILogger logger, string bootstrap);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Kafka at {Bootstrap} did not answer ({Reason}); the charts pause until it does.")]
    private static partial void LogKafkaGone(ILogger logger, string bootstrap, string reason);
}
