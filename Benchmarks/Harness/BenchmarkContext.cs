namespace Signups.Benchmarks.Harness;

/// <summary>What every scenario run gets: the settings from the command line and a scratch directory.</summary>
/// <param name="Settings">The sizes and overrides asked for.</param>
/// <param name="WorkDirectory">A directory of the run's own, deleted afterwards.</param>
/// <param name="Log">Where progress lines go.</param>
internal sealed record BenchmarkContext(BenchmarkSettings Settings, string WorkDirectory, TextWriter Log);
