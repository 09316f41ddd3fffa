using System.Collections.Concurrent;
using System.Diagnostics;
using Signups.AppHost.Lifecycle;

namespace Signups.IntegrationTests.Infrastructure;

/// <summary>
/// A resource of a test's graph and its replicas, driven the way a user drives it from the Aspire dashboard: its
/// commands (stop, start, restart, kill) through <see cref="ResourceCommandService"/>.
/// </summary>
internal sealed class GraphResource(DistributedApplication app, string name)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly ConcurrentDictionary<string, Replica> _replicas = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTime> _starts = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    /// <summary>Every replica, in a fixed order.</summary>
    public IReadOnlyList<Replica> Replicas => [.. _replicas.Values.OrderBy(r => r.Id, StringComparer.Ordinal)];

    /// <summary>Takes in one of Aspire's notifications about a replica of this resource.</summary>
    public void Observe(ResourceEvent change)
    {
        var snapshot = change.Snapshot;
        var previous = _replicas.GetValueOrDefault(change.ResourceId);
        var restarts = previous?.Restarts ?? 0;
        if (snapshot.StartTimeStamp is { } started && _starts.GetValueOrDefault(change.ResourceId) is var known && known != started)
        {
            restarts += known == default ? 0 : 1;
            _starts[change.ResourceId] = started;
        }

        var state = snapshot.State?.Text;
        var pid = state == KnownResourceStates.Running ? ServiceProcess.Of(snapshot) : null;
        var exit = state is not null && KnownResourceStates.TerminalStates.Contains(state) ? snapshot.ExitCode : previous?.LastExitCode;
        _replicas[change.ResourceId] = new Replica(change.ResourceId, state, snapshot.HealthStatus, pid, restarts, exit);
    }

    /// <summary>SIGKILL of the first running replica's process through its <c>kill-replica</c> command; the process id killed.</summary>
    public int Kill()
    {
        var replica = Replicas.First(r => r is { IsRunning: true, ProcessId: not null });
        Execute(replica.Id, KillReplicaCommand.Name).GetAwaiter().GetResult();
        return replica.ProcessId!.Value;
    }

    /// <summary>Stops every running replica (Aspire's stop: SIGTERM) and waits until each has exited.</summary>
    public async Task<IReadOnlyList<ReplicaStop>> StopReplicasAsync(TimeSpan timeout)
    {
        var running = Replicas.Where(r => r.IsRunning).ToList();
        return await Task.WhenAll(running.Select(r => StopAsync(r.Id, timeout)));
    }

    /// <summary>Starts every stopped replica again and waits until each is healthy.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken)
    {
        var stopped = Replicas.Where(r => r.IsStopped).ToList();
        await Task.WhenAll(stopped.Select(r => StartAsync(r.Id, cancellationToken)));
    }

    /// <summary>Aspire's restart command on every replica; waits until each runs a new, healthy process.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var before = Replicas.ToDictionary(r => r.Id, r => r.ProcessId);
        await Task.WhenAll(before.Keys.Select(id => Execute(id, KnownResourceCommands.RestartCommand)));
        await Eventually.WaitAsync($"{Name} restarted and healthy",
            () => Replicas.All(r => r.IsHealthy && r.ProcessId is not null && r.ProcessId != before.GetValueOrDefault(r.Id)), Timeout);
    }

    /// <summary>
    /// Runs <paramref name="replicas"/> of the replicas the model has (its <c>--…-workers</c>), stopping or starting the
    /// others: Aspire fixes the number of replicas when the app starts, so scaling is within it.
    /// </summary>
    public async Task ScaleAsync(int replicas, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var all = Replicas;
        if (replicas > all.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(replicas), $"{Name} has {all.Count} replicas in the model.");
        }

        await Task.WhenAll(all.Take(replicas).Where(r => r.IsStopped).Select(r => StartAsync(r.Id, cancellationToken))
            .Concat(all.Skip(replicas).Where(r => r.IsRunning).Select(r => StopAsync(r.Id, timeout))));
    }

    private async Task<ReplicaStop> StopAsync(string replica, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        await Execute(replica, KnownResourceCommands.StopCommand);
        var stopped = await Eventually.WaitAsync($"{replica} stopped", _ => Task.FromResult(_replicas[replica]), r => r.IsStopped, timeout);
        return new ReplicaStop(replica, stopped.LastExitCode, clock.Elapsed);
    }

    private async Task StartAsync(string replica, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await Execute(replica, KnownResourceCommands.StartCommand);
        await Eventually.WaitAsync($"{replica} running and healthy", () => _replicas[replica].IsHealthy, Timeout);
    }

    private async Task Execute(string replica, string command)
    {
        var result = await app.ResourceCommands.ExecuteCommandAsync(replica, command, TestContext.Current.CancellationToken);
        Assert.True(result.Success, $"{command} on {replica}: {result.Message}");
    }
}
