using System.Globalization;
using System.Text.Json;
using Signups.AppHost;

namespace Signups.Benchmarks.Harness;

/// <summary>Runs the Producer's load generator (<c>Signups.Producer load</c>) as a whole process against a broker and reads its summary.</summary>
internal static class LoadGeneratorRun
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Publishes <paramref name="count"/> signups to <paramref name="topic"/> at <paramref name="rate"/> per second (0: as fast as acknowledged).</summary>
    public static async Task<LoadSummaryFile> RunAsync(string bootstrapServers, string topic, long count, int rate, BenchmarkContext context, CancellationToken cancellationToken)
    {
        var summaryFile = Path.Combine(context.WorkDirectory, $"load-{Guid.NewGuid():N}.json");
        var environment = context.Settings.ProducerEnvironment();
        environment["ConnectionStrings__kafka"] = bootstrapServers;
        environment["Messaging__Topic"] = topic;
        await ChildProcess.RunAsync("dotnet",
            [ServiceAssemblies.Producer, "load", "--count", count.ToString(CultureInfo.InvariantCulture), "--rate", rate.ToString(CultureInfo.InvariantCulture), "--summary-json", summaryFile],
            environment, ProcessTimeout, cancellationToken);

        return JsonSerializer.Deserialize(await File.ReadAllTextAsync(summaryFile, cancellationToken), BenchmarkJsonContext.Default.LoadSummaryFile)!;
    }
}
