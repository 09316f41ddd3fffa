using Signups.AppHost;

namespace Signups.Benchmarks.Harness;

/// <summary>The AppHost as the benchmarks run it: no demo load, no dashboard, free ports, quiet, nothing restarted.</summary>
internal static class BenchmarkAppHostOptions
{
    public static AppHostOptions Create(string dataDirectory, TimeSpan stopGracePeriod) => new()
    {
        DataDirectory = dataDirectory,
        DemoLoad = false,
        ProducerPort = 0,
        DashboardPort = -1,
        EchoOutput = false,
        RestartOnFailure = false,
        StopGracePeriod = stopGracePeriod,
    };
}
