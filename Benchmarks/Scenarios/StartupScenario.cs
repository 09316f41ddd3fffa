using System.Diagnostics;
using Signups.AppHost;
using Signups.Benchmarks.Harness;

namespace Signups.Benchmarks.Scenarios;

/// <summary>
/// From launching the AppHost (a whole process, as <c>dotnet run --project AppHost</c> would, without its build) to
/// every resource healthy under DCP: the moment it prints <c>Producer: </c>. Then SIGTERM, and the ordered stop must
/// end it with exit code 0.
/// </summary>
internal sealed class StartupScenario : IBenchmarkScenario
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public string Name => "startup";

    public IReadOnlyList<string> Keys => ["startup_seconds"];

    public async Task<ScenarioFigures> RunOnceAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet",
            [ServiceAssemblies.AppHost, "--no-load=true", "--data-dir", Path.Combine(context.WorkDirectory, "data"), "--producer-port", "0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // What the AppHost's launch profile gives `dotnet run`, on free ports.
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}";
        start.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort.Next()}";
        start.Environment["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort.Next()}";
        start.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        using var apphost = new Process { StartInfo = start };
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        apphost.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.StartsWith("Producer: ", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        apphost.ErrorDataReceived += (_, _) => { };
        var clock = Stopwatch.StartNew();
        apphost.Start();
        apphost.BeginOutputReadLine();
        apphost.BeginErrorReadLine();
        await ready.Task.WaitAsync(Limit, cancellationToken);
        var startup = clock.Elapsed;

        using (var terminate = Process.Start("kill", ["-TERM", apphost.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await terminate.WaitForExitAsync(cancellationToken);
        }

        using var stopped = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stopped.CancelAfter(Limit);
        await apphost.WaitForExitAsync(stopped.Token);
        if (apphost.ExitCode != 0)
        {
            throw new InvalidOperationException($"the AppHost exited with {apphost.ExitCode} after SIGTERM.");
        }

        var figures = new ScenarioFigures();
        figures.Figures["startup_seconds"] = startup.TotalSeconds;
        context.Log.WriteLine(FormattableString.Invariant($"    every resource healthy {startup.TotalSeconds:0.00} s after launch; stopped in {(clock.Elapsed - startup).TotalSeconds:0.0} s"));
        return figures;
    }
}
