namespace Signups.Benchmarks.Harness;

/// <summary>
/// One benchmark scenario, in a file of its own under Scenarios/; the runner finds every implementation.
/// A run starts what it measures (its own broker, its own processes), measures, and stops it again.
/// </summary>
internal interface IBenchmarkScenario
{
    /// <summary>A short name for the table and <c>--scenario</c>.</summary>
    string Name { get; }

    /// <summary>The keys of bench/results.json this scenario fills, each with a figure from every run.</summary>
    IReadOnlyList<string> Keys { get; }

    /// <summary>Runs once and returns one figure per key (and may add notes, e.g. the message size).</summary>
    Task<ScenarioFigures> RunOnceAsync(BenchmarkContext context, CancellationToken cancellationToken);
}
