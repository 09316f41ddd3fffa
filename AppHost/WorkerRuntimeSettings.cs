namespace Signups.AppHost;

/// <summary>
/// Runtime settings of the Kafka workers that the runtime reads from the environment only, so the AppHost sets them
/// (and the benchmarks, which start the workers without it, set the same). Measured with the BatchWorker at full speed
/// (bench, worker-throughput, 2026-12-04, 1,000-event batches, 5 runs each, <c>batch_worker_vs_limit</c> medians).
/// </summary>
internal static class WorkerRuntimeSettings
{
    /// <summary>
    /// Both workers: the GC's young generation is 32 MB on every machine (by default its budget follows the L3 cache).
    /// A worker's messages live a few batches long: with a small young generation each collection copies the batches in
    /// flight to an older one. 4 MB: 0.45; 32 MB: 0.53, peak RSS 175 MB.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Worker { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DOTNET_GCgen0size"] = "0x2000000",
    };

    /// <summary>
    /// The BatchWorker also recompiles hot methods optimized after 30 calls at once, not after 100 ms without new methods
    /// (<c>TC_CallCountingDelayMs</c>): started with a backlog, it keeps compiling new methods for its first seconds and its
    /// hot path ran unoptimized meanwhile. 0.53 to 0.57. Not for the StreamWorker: no faster (45,000 events/s either way),
    /// and with both workers so the whole graph took 9.2 s to start instead of 6.7 s (bench, startup; 7.1 s with the
    /// BatchWorker alone).
    /// </summary>
    public static IReadOnlyDictionary<string, string> BatchWorker { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DOTNET_TC_CallCountingDelayMs"] = "0",
    };
}
