using System.Globalization;
using System.Text.RegularExpressions;
using Signups.Benchmarks.Harness;

namespace Signups.Benchmarks.Scenarios;

/// <summary>
/// <c>POST /signups</c> under keep-alive load from wrk (Debian's <c>wrk</c>, a Lua script posting a distinct JSON
/// signup per request): the Producer process in front of its own dev broker, started through the AppHost library.
/// Counts only 202s (every one an event Kafka acknowledged). A short warm-up run comes first (JIT, connections).
/// </summary>
internal sealed partial class HttpSignupsScenario : IBenchmarkScenario
{
    private const int WrkThreads = 2;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    public string Name => "http-signups";

    public IReadOnlyList<string> Keys => ["http_signups_per_s", "http_latency_p50_ms", "http_latency_p99_ms"];

    public async Task<ScenarioFigures> RunOnceAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        await using var graph = await BenchmarkBroker.StartAsync(Path.Combine(context.WorkDirectory, "data"), 12, context.Settings.ProducerEnvironment(), cancellationToken);
        var url = new Uri(graph.Producer, "/signups").ToString();
        await WrkAsync(url, context.Settings.HttpConnections, WarmUp, cancellationToken);
        var output = await WrkAsync(url, context.Settings.HttpConnections, context.Settings.HttpDuration, cancellationToken);

        var summary = Requests().Match(output);
        var requests = long.Parse(summary.Groups["requests"].Value, CultureInfo.InvariantCulture);
        var seconds = Duration(summary.Groups["duration"].Value);
        var rejected = NonSuccess().Match(output) is { Success: true } match ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var errors = SocketErrors().Match(output) is { Success: true } socket ? socket.Value : "no socket errors";
        context.Log.WriteLine(FormattableString.Invariant($"    wrk: {requests} requests in {seconds:0.00} s, {rejected} not 202, {errors}"));

        var figures = new ScenarioFigures();
        figures.Figures["http_signups_per_s"] = (requests - rejected) / seconds;
        figures.Figures["http_latency_p50_ms"] = Duration(Percentile(output, "50")) * 1000;
        figures.Figures["http_latency_p99_ms"] = Duration(Percentile(output, "99")) * 1000;
        figures.Facts["http_client"] = FormattableString.Invariant(
            $"wrk {WrkThreads} threads, {context.Settings.HttpConnections} keep-alive connections, {context.Settings.HttpDuration.TotalSeconds:0} s after a {WarmUp.TotalSeconds:0} s warm-up");
        return figures;
    }

    private static async Task<string> WrkAsync(string url, int connections, TimeSpan duration, CancellationToken cancellationToken)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "wrk", "post-signup.lua");
        return await ChildProcess.RunAsync("wrk",
            ["-t", WrkThreads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
             "-d", $"{(int)duration.TotalSeconds}s", "--timeout", "10s", "--latency", "-s", script, url],
            null, duration + TimeSpan.FromSeconds(30), cancellationToken);
    }

    private static string Percentile(string output, string percent) =>
        Regex.Match(output, $@"^\s+{percent}%\s+(\S+)$", RegexOptions.Multiline, TimeSpan.FromSeconds(1)).Groups[1].Value;

    // wrk prints durations as 812.00us, 8.39ms, 1.02s or 1.50m.
    private static double Duration(string text)
    {
        var match = DurationPattern().Match(text);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "us" => value / 1e6,
            "ms" => value / 1e3,
            "m" => value * 60,
            "h" => value * 3600,
            _ => value,
        };
    }

    [GeneratedRegex(@"(?<requests>\d+) requests in (?<duration>[\d.]+\w+),")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors: .*")]
    private static partial Regex SocketErrors();

    [GeneratedRegex(@"^([\d.]+)(us|ms|s|m|h)$")]
    private static partial Regex DurationPattern();
}
