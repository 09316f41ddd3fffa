using System.Globalization;

namespace Signups.Benchmarks.Harness;

/// <summary>
/// Runs each scenario several times (every run starts its own broker), prints each run and then min/median/max
/// per key, and records the medians and spreads in bench/results.json. Quote the median: one slow or lucky run
/// must not move it; min and max show how noisy the machine was.
/// </summary>
internal static class BenchmarkRunner
{
    public const int MinimumRuns = 3;

    /// <summary>Every scenario in this assembly: adding one is adding a file under Scenarios/.</summary>
    public static IReadOnlyList<IBenchmarkScenario> Discover() =>
        [.. typeof(BenchmarkRunner).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IBenchmarkScenario).IsAssignableFrom(type))
            .OrderBy(type => type.Name, StringComparer.Ordinal)
            .Select(type => (IBenchmarkScenario)Activator.CreateInstance(type)!)];

    public static async Task<int> RunAsync(IReadOnlyList<IBenchmarkScenario> scenarios, int runs, BenchmarkSettings settings, string resultsPath, CancellationToken cancellationToken)
    {
        var log = Console.Out;
        var results = new List<KeyResult>();
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        log.WriteLine($"machine: {MachineDescription.Describe()}");
        if (settings.ProducerConfig.Count > 0)
        {
            facts["producer_config_overrides"] = string.Join(", ", settings.ProducerConfig.Select(c => $"{c.Key}={c.Value}"));
        }

        foreach (var scenario in scenarios)
        {
            var figures = new List<ScenarioFigures>();
            for (var run = 1; run <= runs; run++)
            {
                var workDirectory = Path.Combine(Path.GetTempPath(), "signups-bench", $"{scenario.Name}-{Guid.NewGuid():N}"[..32]);
                Directory.CreateDirectory(workDirectory);
                try
                {
                    var context = new BenchmarkContext(settings, workDirectory, log);
                    var measured = await scenario.RunOnceAsync(context, cancellationToken);
                    figures.Add(measured);
                    log.WriteLine($"{scenario.Name} run {run}/{runs}: " + string.Join(", ", measured.Figures.Select(f => $"{f.Key} {Format(f.Value)}")));
                }
                finally
                {
                    Directory.Delete(workDirectory, recursive: true);
                }
            }

            foreach (var key in scenario.Keys)
            {
                results.Add(new KeyResult(scenario.Name, key, [.. figures.Select(f => f.Figures[key])]));
            }

            foreach (var (name, value) in figures.SelectMany(f => f.Facts))
            {
                facts[name] = value;
            }
        }

        PrintTable(log, results);
        ResultsFile.Write(resultsPath, results, facts, runs);
        log.WriteLine($"wrote {Path.GetFullPath(resultsPath)}");
        return 0;
    }

    private static void PrintTable(TextWriter log, List<KeyResult> results)
    {
        log.WriteLine();
        log.WriteLine($"{"scenario",-22}{"key",-26}{"min",14}{"median",14}{"max",14}");
        foreach (var result in results)
        {
            log.WriteLine($"{result.Scenario,-22}{result.Key,-26}{Format(result.Min),14}{Format(result.Median),14}{Format(result.Max),14}");
        }
    }

    private static string Format(double value) => value.ToString(value >= 100 ? "N0" : "0.000", CultureInfo.InvariantCulture);
}
