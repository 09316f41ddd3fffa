using System.ComponentModel.DataAnnotations;

namespace Signups.Consuming;

/// <summary>When a batch is flushed: at <see cref="MaxBatchSize"/> events or <see cref="MaxBatchDelay"/> after its first, whichever comes first.</summary>
public sealed class BatchingOptions
{
    /// <summary>The default of <see cref="MaxBatchSize"/> (the benchmarks' yardsticks write batches of the same size).</summary>
    public const int DefaultMaxBatchSize = 1_000;

    /// <summary>
    /// Events that make a batch full. A worker holds up to five batches at once (filling, sealed, decoding, decoded,
    /// writing): 1,000 keeps the BatchWorker at ~175 MB resident where 5,000 took ~200 MB, at the same throughput
    /// (bench, worker-throughput, 2026-12-04).
    /// </summary>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; set; } = DefaultMaxBatchSize;

    /// <summary>How long a batch may wait for more events, from its first.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan MaxBatchDelay { get; set; } = TimeSpan.FromSeconds(5);
}
