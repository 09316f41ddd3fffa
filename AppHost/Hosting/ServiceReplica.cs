using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Signups.AppHost.Hosting;

/// <summary>
/// One process of a <see cref="ProjectResource"/>: launched from the build output, its output prefixed,
/// its health polled, restarted with backoff when it dies, and stopped with SIGTERM then SIGKILL.
/// </summary>
internal sealed class ServiceReplica(ProjectResource owner, int index, AppHostConsole console)
{
    private static readonly TimeSpan StartingPollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan RunningPollInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan StableRun = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxRestartDelay = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private CancellationTokenSource _stopping = new();
    private TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _loop = Task.CompletedTask;
    private Process? _process;

    public int Index { get; } = index;

    public string Name { get; } = index == 1 ? owner.Name : $"{owner.Name}-{index}";

    public ResourceState State { get; private set; } = ResourceState.NotStarted;

    public HealthState Health { get; private set; }

    public Uri? Endpoint { get; private set; }

    public int? ProcessId { get; private set; }

    public int Restarts { get; private set; }

    public int? LastExitCode { get; private set; }

    public ReplicaSnapshot Snapshot() => new(Name, State, Health, ProcessId, Endpoint, Restarts, LastExitCode);

    /// <summary>Starts the replica unless it runs; completes when it is ready, fails when it cannot become ready.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_loop.IsCompleted)
            {
                _stopping = new CancellationTokenSource();
                _ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var stopping = _stopping.Token;
                _loop = Task.Run(() => RunAsync(stopping), CancellationToken.None);
            }

            return _ready.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Sends SIGTERM, waits up to <paramref name="grace"/>, then SIGKILL; no restart follows.</summary>
    public async Task<StopOutcome> StopAsync(TimeSpan grace)
    {
        Process? process;
        lock (_lock)
        {
            _stopping.Cancel();
            process = _process;
        }

        var clock = Stopwatch.StartNew();
        if (process is null || process.HasExited)
        {
            await _loop;
            return new(Name, LastExitCode, Killed: false, TimeSpan.Zero,
                LastExitCode is null ? "was not running" : $"was not running (last exit code {LastExitCode})");
        }

        State = ResourceState.Stopping;
        var signalledAt = DateTimeOffset.UtcNow;
        ProcessSignals.Terminate(process.Id);
        var killed = false;
        using (var graceTimer = new CancellationTokenSource(grace))
        {
            try
            {
                await ProcessExit.WaitAsync(process, graceTimer.Token);
            }
            catch (OperationCanceledException)
            {
                killed = true;
                process.Kill(entireProcessTree: true);
                await ProcessExit.WaitAsync(process, CancellationToken.None);
            }
        }

        var exitedAt = DateTimeOffset.UtcNow;
        await _loop;
        var note = killed
            ? $"killed after the {grace.TotalSeconds:0} s grace period"
            : $"exited with code {process.ExitCode} after {clock.Elapsed.TotalSeconds:0.0} s";
        return new(Name, process.ExitCode, killed, clock.Elapsed, note, signalledAt, exitedAt);
    }

    /// <summary>SIGKILLs the process, as a crash would; the restart policy decides what follows. Returns its pid.</summary>
    public int? Kill()
    {
        lock (_lock)
        {
            if (_process is not { HasExited: false } process)
            {
                return null;
            }

            var pid = process.Id;
            process.Kill(entireProcessTree: true);
            return pid;
        }
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var quickExits = 0;
        while (true)
        {
            Process process;
            try
            {
                process = Launch();
            }
            catch (Exception e) when (e is Win32Exception or InvalidOperationException or IOException)
            {
                State = ResourceState.FailedToStart;
                console.Error($"{Name} could not be launched: {e.Message}");
                _ready.TrySetException(new AppHostException($"{Name} could not be launched: {e.Message}"));
                return;
            }

            var ran = Stopwatch.StartNew();
            await WatchAsync(process, stopping);
            await ProcessExit.WaitAsync(process, CancellationToken.None);
            var exitCode = process.ExitCode;
            lock (_lock)
            {
                _process = null;
                LastExitCode = exitCode;
                ProcessId = null;
                Health = HealthState.Unknown;
            }

            if (stopping.IsCancellationRequested)
            {
                State = ResourceState.Stopped;
                _ready.TrySetException(new AppHostException($"{Name} was stopped before it was ready."));
                return;
            }

            if (owner.IsJob && exitCode == 0)
            {
                State = ResourceState.Finished;
                console.Info($"{Name} finished.");
                _ready.TrySetResult();
                return;
            }

            // Exit code 78 is a configuration error: restarting cannot fix it.
            if (!owner.RestartOnExit || exitCode == ProjectResource.ConfigurationErrorExitCode)
            {
                State = ResourceState.Exited;
                console.Error($"{Name} exited with code {exitCode}.");
                _ready.TrySetException(new AppHostException($"{Name} exited with code {exitCode} before it was ready."));
                return;
            }

            quickExits = ran.Elapsed < StableRun ? quickExits + 1 : 1;
            var delay = TimeSpan.FromTicks(Math.Min(MaxRestartDelay.Ticks, owner.RestartBaseDelay.Ticks << Math.Min(quickExits - 1, 10)));
            State = ResourceState.Restarting;
            console.Error($"{Name} exited with code {exitCode}; restarting in {delay.TotalSeconds:0.#} s.");
            try
            {
                await Task.Delay(delay, stopping);
            }
            catch (OperationCanceledException)
            {
                State = ResourceState.Stopped;
                _ready.TrySetException(new AppHostException($"{Name} was stopped before it was ready."));
                return;
            }

            Restarts++;
        }
    }

    private Process Launch()
    {
        Endpoint = owner.HasHttpEndpoint ? new Uri($"http://127.0.0.1:{owner.PortFor(Index)}") : null;
        var (fileName, arguments) = DotnetHost.Command(owner.AssemblyPath, owner.Arguments);
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = Path.GetDirectoryName(owner.AssemblyPath),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var (name, value) in owner.BuildEnvironment(this))
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) => Echo(line.Data, isError: false);
        process.ErrorDataReceived += (_, line) => Echo(line.Data, isError: true);
        ProcessLauncher.Start(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        lock (_lock)
        {
            _process = process;
            ProcessId = process.Id;
            State = ResourceState.Starting;
            Health = HealthState.Unknown;
        }

        return process;
    }

    private void Echo(string? line, bool isError)
    {
        if (line is not null)
        {
            console.Write(owner.Log, Name, line, isError);
        }
    }

    // Polls /health until the process exits or the replica is stopped; the first healthy answer makes it ready.
    private async Task WatchAsync(Process process, CancellationToken stopping)
    {
        var exited = ProcessExit.WaitAsync(process, stopping);
        if (Endpoint is null)
        {
            State = ResourceState.Running;
            Health = HealthState.Healthy;
            _ready.TrySetResult();
            await Task.WhenAny(exited);
            return;
        }

        var healthUri = new Uri(Endpoint, owner.HealthPath);
        while (!exited.IsCompleted)
        {
            var health = await HealthProbe.CheckAsync(healthUri, stopping).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : HealthState.Unknown, TaskScheduler.Default);
            if (exited.IsCompleted || stopping.IsCancellationRequested)
            {
                return;
            }

            Health = health;
            if (health == HealthState.Healthy && State == ResourceState.Starting)
            {
                await owner.OnReplicaReadyAsync(this, stopping);
                State = ResourceState.Running;
                _ready.TrySetResult();
            }

            await Task.WhenAny(exited, Task.Delay(State == ResourceState.Running ? RunningPollInterval : StartingPollInterval, stopping));
        }
    }
}
