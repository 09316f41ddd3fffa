using System.Diagnostics;
using System.Globalization;
using System.Text;
using Signups.AppHost;

namespace Signups.IntegrationTests.Infrastructure;

/// <summary>
/// The AppHost as a user runs it: a whole process (what <c>dotnet run --project AppHost</c> starts, without the build),
/// with the launch profile's dashboard settings on free ports, its output kept, signalled with <c>kill</c>.
/// </summary>
internal sealed class AppHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private readonly bool _terminal;

    private AppHostProcess(Process process, string dataPath, bool terminal)
    {
        _process = process;
        DataPath = dataPath;
        _terminal = terminal;
    }

    public string DataPath { get; }

    public int ProcessId => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the AppHost with <paramref name="arguments"/> and a data directory of its own. SIGINT is restored to its
    /// default (<c>env --default-signal</c>): a process started from a background job inherits it ignored.
    /// </summary>
    public static AppHostProcess Start(params string[] arguments) => Start(terminal: false, arguments);

    /// <summary>
    /// Starts the AppHost on a terminal of its own (util-linux <c>script</c> gives it a pseudo-terminal), so that
    /// <see cref="PressCtrlCAsync"/> is a real Ctrl+C: the terminal sends SIGINT to its foreground process group.
    /// <c>script</c> runs the command through <c>$SHELL -c</c>; <c>exec</c> makes the AppHost that shell's process
    /// under any shell (dash, the <c>/bin/sh</c> a CI runner falls back to, stays as a parent, dies of the Ctrl+C and
    /// <c>script</c> then reports 130 for it).
    /// </summary>
    public static AppHostProcess StartOnTerminal(params string[] arguments) => Start(terminal: true, arguments);

    private static AppHostProcess Start(bool terminal, string[] arguments)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "signups-tests", $"apphost-{Guid.NewGuid():N}"[..24]);
        string[] command = ["env", "--default-signal=INT", "dotnet", ServiceAssemblies.AppHost, "--data-dir", dataPath, "--producer-port", "0", .. arguments];
        var start = new ProcessStartInfo(terminal ? "script" : command[0], terminal ? ["-qfec", $"exec {string.Join(' ', command)}", "/dev/null"] : command[1..])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}";
        start.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort.Next()}";
        start.Environment["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort.Next()}";
        start.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        var apphost = new AppHostProcess(new Process { StartInfo = start }, dataPath, terminal);
        apphost._process.OutputDataReceived += (_, line) => apphost.Append(line.Data);
        apphost._process.ErrorDataReceived += (_, line) => apphost.Append(line.Data);
        apphost._process.Start();
        apphost._process.BeginOutputReadLine();
        apphost._process.BeginErrorReadLine();
        return apphost;
    }

    /// <summary>Waits for a line starting with <paramref name="prefix"/>; the line.</summary>
    public Task<string> WaitForLineAsync(string prefix, TimeSpan timeout) =>
        Eventually.WaitAsync($"the AppHost prints '{prefix}…'",
            _ => Task.FromResult(Output.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))),
            line => line is not null || _process.HasExited, timeout)
        .ContinueWith(t => t.Result ?? throw new InvalidOperationException($"The AppHost exited with {_process.ExitCode} first:{Environment.NewLine}{Output}"), TaskScheduler.Default);

    /// <summary>Sends <paramref name="signal"/> (<c>TERM</c>, <c>INT</c>) to the AppHost.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-s", signal, _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Ctrl+C on the AppHost's terminal (only for <see cref="StartOnTerminal"/>).</summary>
    public async Task PressCtrlCAsync()
    {
        await _process.StandardInput.WriteAsync('\u0003');
        await _process.StandardInput.FlushAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Waits for the AppHost to exit; its exit code.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        await _process.WaitForExitAsync(deadline.Token);
        return _process.ExitCode;
    }

    /// <summary>Processor time the AppHost process used so far (user + system), from <c>/proc</c>.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            // On a terminal the process started is `script`; the AppHost is its child (the shell and env exec dotnet).
            var pid = _terminal ? File.ReadAllText($"/proc/{_process.Id}/task/{_process.Id}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries)[0] : $"{_process.Id}";
            var name = File.ReadAllText($"/proc/{pid}/comm").Trim();
            if (name != "dotnet")
            {
                throw new InvalidOperationException($"Process {pid} is '{name}', not the AppHost's dotnet.");
            }

            var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await SignalAsync("TERM");
            try
            {
                await ExitCodeAsync(TimeSpan.FromSeconds(90));
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(Output);
        _process.Dispose();
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
