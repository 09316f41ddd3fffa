using System.ComponentModel.DataAnnotations;

namespace Signups.Consuming;

/// <summary>How the StreamWorker's partition lanes batch, section <c>StreamWorker</c>.</summary>
public sealed class PartitionLaneOptions
{
    /// <summary>Most events one transaction may hold; a lane takes what has arrived, up to this.</summary>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 500;

    /// <summary>Messages a lane may hold before fetching pauses.</summary>
    [Range(1, 100_000)]
    public int LaneCapacity { get; set; } = 2_000;
}
