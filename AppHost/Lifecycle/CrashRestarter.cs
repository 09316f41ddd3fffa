using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Signups.AppHost.Lifecycle;

/// <summary>
/// Starts again a replica that died (exit code other than 0; a SIGKILL shows as -1), which Aspire does not do: after
/// <see cref="CrashRestartAnnotation.FirstDelay"/>, doubled for each crash that follows a restart within a minute, up
/// to <see cref="CrashRestartAnnotation.MaxDelay"/>. Never while the graph is stopping, and never a replica that was
/// asked to stop (the dashboard's stop, a scale-down) and exited non-zero, e.g. killed by DCP when its drain outlasted
/// DCP's window: that one stays stopped, as asked.
/// </summary>
internal sealed partial class CrashRestarter(
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<CrashRestarter> logger) : BackgroundService
{
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, TimeSpan Delay)> _lastRestart = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _pending = new(StringComparer.Ordinal);
    // Replicas asked to stop, until they start again; the value says whether their exit has been logged.
    private readonly ConcurrentDictionary<string, bool> _stopAsked = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var change in notifications.WatchAsync(stoppingToken))
            {
                var replica = change.ResourceId;
                var now = change.Snapshot.State?.Text;
                if (now == KnownResourceStates.Stopping)
                {
                    _stopAsked[replica] = false;
                    continue;
                }

                if (now == KnownResourceStates.Starting || now == KnownResourceStates.Running)
                {
                    _stopAsked.TryRemove(replica, out _);
                    continue;
                }

                if (change.Resource.Annotations.OfType<CrashRestartAnnotation>().SingleOrDefault() is { } policy
                    && change.Snapshot is { State.Text: var state, ExitCode: { } exitCode and not 0 }
                    && state is not null && KnownResourceStates.TerminalStates.Contains(state)
                    && !lifetime.ApplicationStopping.IsCancellationRequested)
                {
                    // A replica's exit can be published more than once (its state, then its other properties): it stays
                    // asked-to-stop until it starts again, and is logged once.
                    if (_stopAsked.TryGetValue(replica, out var logged))
                    {
                        if (!logged && _stopAsked.TryUpdate(replica, true, false))
                        {
                            LogStoppedAsAsked(logger, replica, exitCode);
                        }
                    }
                    else if (_pending.TryAdd(replica, true))
                    {
                        _ = RestartAsync(replica, exitCode, policy, stoppingToken);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RestartAsync(string replica, int exitCode, CrashRestartAnnotation policy, CancellationToken stoppingToken)
    {
        var now = clock.GetUtcNow();
        var delay = _lastRestart.TryGetValue(replica, out var last) && now - last.At < QuietPeriod
            ? TimeSpan.FromTicks(Math.Min(policy.MaxDelay.Ticks, last.Delay.Ticks * 2))
            : policy.FirstDelay;
        LogCrashed(logger, replica, exitCode, delay.TotalSeconds);
        try
        {
            await Task.Delay(delay, clock, stoppingToken);
            if (!lifetime.ApplicationStopping.IsCancellationRequested)
            {
                _lastRestart[replica] = (clock.GetUtcNow(), delay);
                var result = await commands.ExecuteCommandAsync(replica, KnownResourceCommands.StartCommand, stoppingToken);
                if (!result.Success)
                {
                    LogRestartFailed(logger, replica, result.Message ?? "no reason given");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _pending.TryRemove(replica, out _);
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "{Replica} exited with code {ExitCode}; starting it again in {Delay:0.#} s.")]
    private static partial void LogCrashed(ILogger logger, string replica, int exitCode, double delay);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "{Replica} was asked to stop and exited with code {ExitCode}; it stays stopped.")]
    private static partial void LogStoppedAsAsked(ILogger logger, string replica, int exitCode);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "{Replica} could not be started again: {Reason}")]
    private static partial void LogRestartFailed(ILogger logger, string replica, string reason);
}
