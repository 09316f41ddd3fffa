namespace Signups.Benchmarks.Harness;

/// <summary>What one run of a scenario measured: a figure per results key, and facts about the run (sizes, counts).</summary>
internal sealed class ScenarioFigures
{
    public Dictionary<string, double> Figures { get; } = new(StringComparer.Ordinal);

    /// <summary>Facts that are the same in every run (message size, count, client): written once to results.json.</summary>
    public Dictionary<string, string> Facts { get; } = new(StringComparer.Ordinal);
}
