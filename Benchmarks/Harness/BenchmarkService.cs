using System.Diagnostics;
using System.Text;

namespace Signups.Benchmarks.Harness;

/// <summary>
/// One service started from its build output as a plain process (no orchestrator between the benchmark and what it
/// measures), on a loopback port of its own, its output kept for the error when it fails.
/// </summary>
internal sealed class BenchmarkService : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BenchmarkService(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    /// <summary>Where it serves HTTP.</summary>
    public Uri Endpoint { get; }

    /// <summary>Its process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts <paramref name="assembly"/> with <paramref name="environment"/>; returns when its <c>/health</c> answers 200.</summary>
    public static async Task<BenchmarkService> StartAsync(string assembly, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var endpoint = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var start = new ProcessStartInfo("dotnet", [assembly])
        {
            WorkingDirectory = Path.GetDirectoryName(assembly),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = endpoint.ToString().TrimEnd('/');
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var service = new BenchmarkService(new Process { StartInfo = start }, endpoint);
        service._process.OutputDataReceived += (_, line) => service.Append(line.Data);
        service._process.ErrorDataReceived += (_, line) => service.Append(line.Data);
        service._process.Start();
        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();
        try
        {
            await service.WaitHealthyAsync(timeout, cancellationToken);
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }

        return service;
    }

    /// <summary>SIGTERM, then waits for the exit: its exit code and how long it took.</summary>
    public async Task<(int ExitCode, TimeSpan Duration)> StopAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(deadline.Token);
        return (_process.ExitCode, clock.Elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await StopAsync(TimeSpan.FromSeconds(30));
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }

        _process.Dispose();
    }

    private async Task WaitHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (!_process.HasExited)
            {
                try
                {
                    using var health = await Http.GetAsync(new Uri(Endpoint, "/health"), deadline.Token);
                    if (health.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException) when (!deadline.IsCancellationRequested)
                {
                }

                await poll.WaitForNextTickAsync(deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{Path.GetFileName(_process.StartInfo.ArgumentList[0])} was not healthy within {timeout.TotalSeconds:0} s. Output:{Environment.NewLine}{Output}");
        }

        throw new InvalidOperationException($"{Path.GetFileName(_process.StartInfo.ArgumentList[0])} exited with {_process.ExitCode}. Output:{Environment.NewLine}{Output}");
    }

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
