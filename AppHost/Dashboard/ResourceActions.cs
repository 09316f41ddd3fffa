using Microsoft.AspNetCore.Http;
using Signups.AppHost.Hosting;

namespace Signups.AppHost.Dashboard;

/// <summary>
/// Stop, start, restart, kill and scale, asked for by the page. Kill happens at once; the others run in the
/// background (a restart waits for the worker to drain and be healthy again), one at a time per resource,
/// and report to the AppHost's console. The dev broker is left alone: a new one would have none of the data.
/// </summary>
internal sealed class ResourceActions(DistributedApplication app) : IAsyncDisposable
{
    public const int MaxReplicas = 16;
    private static readonly string[] All = ["stop", "start", "restart", "kill", "scale"];

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Task> _running = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _disposed = new();

    /// <summary>What the dashboard may do to <paramref name="resource"/>.</summary>
    public static IReadOnlyList<string> Allowed(Resource resource) =>
        resource is ProjectResource and not DevBrokerResource ? All : [];

    public IResult Request(string name, string action, int? replicas, int? replica)
    {
        if (app.Stopping.IsCancellationRequested)
        {
            return Refuse(StatusCodes.Status409Conflict, "The AppHost is stopping.");
        }

        if (app.Resources.FirstOrDefault(r => r.Name == name) is not { } resource)
        {
            return Refuse(StatusCodes.Status404NotFound, $"There is no resource {name}.");
        }

        if (!Allowed(resource).Contains(action) || resource is not ProjectResource project)
        {
            return Refuse(StatusCodes.Status400BadRequest, $"{name} does not {action}; it takes {string.Join(", ", Allowed(resource).DefaultIfEmpty("no actions"))}.");
        }

        if (action == "kill")
        {
            int? pid;
            try
            {
                pid = project.Kill(replica ?? 1);
            }
            catch (AppHostException e)
            {
                return Refuse(StatusCodes.Status400BadRequest, e.Message);
            }

            app.Console.Info($"dashboard: killed {name} replica {replica ?? 1} (pid {pid?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none: not running"}).");
            return TypedResults.Ok(new ActionAnswer(pid is null ? $"{name} was not running." : $"Killed {name} (pid {pid})."));
        }

        if (action == "scale" && replicas is not (>= 1 and <= MaxReplicas))
        {
            return Refuse(StatusCodes.Status400BadRequest, $"Scale {name} to 1 to {MaxReplicas} replicas.");
        }

        lock (_lock)
        {
            if (_running.TryGetValue(name, out var busy) && !busy.IsCompleted)
            {
                return Refuse(StatusCodes.Status409Conflict, $"An action on {name} is still running.");
            }

            _running[name] = RunAsync(project, action, replicas ?? 1);
        }

        return TypedResults.Accepted((string?)null, new ActionAnswer(action == "scale" ? $"Scaling {name} to {replicas}." : $"{action} {name}: under way."));
    }

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        Task[] running;
        lock (_lock)
        {
            running = [.. _running.Values];
        }

        await Task.WhenAll(running).WaitAsync(app.Options.StopGracePeriod).ContinueWith(_ => { }, TaskScheduler.Default);
        _disposed.Dispose();
    }

    private async Task RunAsync(ProjectResource project, string action, int replicas)
    {
        await Task.Yield();
        using var cancelled = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token, app.Stopping);
        var grace = app.Options.StopGracePeriod;
        app.Console.Info($"dashboard: {action} {project.Name}{(action == "scale" ? $" to {replicas} replica(s)" : string.Empty)}.");
        try
        {
            await (action switch
            {
                "stop" => project.StopReplicasAsync(grace),
                "start" => project.StartAgainAsync(cancelled.Token),
                "restart" => project.RestartAsync(grace, cancelled.Token),
                _ => project.ScaleAsync(replicas, grace, cancelled.Token),
            });
            app.Console.Info($"dashboard: {action} {project.Name} done.");
        }
        catch (AppHostException e)
        {
            app.Console.Error($"dashboard: {action} {project.Name} failed: {e.Message}");
        }
        catch (OperationCanceledException) when (cancelled.IsCancellationRequested)
        {
            app.Console.Info($"dashboard: {action} {project.Name} abandoned: the AppHost is stopping.");
        }
    }

    private static IResult Refuse(int status, string message) => TypedResults.Json(new ActionAnswer(message), statusCode: status);
}
