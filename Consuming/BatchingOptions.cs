using System.ComponentModel.DataAnnotations;

namespace Signups.Consuming;

/// <summary>When a batch is flushed: at <see cref="MaxBatchSize"/> events or <see cref="MaxBatchDelay"/> after its first, whichever comes first.</summary>
public sealed class BatchingOptions
{
    /// <summary>Events that make a batch full.</summary>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; set; } = 5_000;

    /// <summary>How long a batch may wait for more events, from its first.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan MaxBatchDelay { get; set; } = TimeSpan.FromSeconds(5);
}
