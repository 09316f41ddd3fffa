namespace Signups.Benchmarks.Harness;

/// <summary>Every run's figure for one results key, and their min, median and max.</summary>
internal sealed record KeyResult(string Scenario, string Key, IReadOnlyList<double> Runs)
{
    public double Min => Runs.Min();

    public double Max => Runs.Max();

    public double Median
    {
        get
        {
            var sorted = Runs.Order().ToList();
            var middle = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }
}
