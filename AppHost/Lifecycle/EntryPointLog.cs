using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Signups.AppHost.Lifecycle;

/// <summary>
/// What a user looks for in the AppHost's output, one plain line each: <c>Dashboard: &lt;login URL&gt;</c> and
/// <c>Producer: &lt;URL&gt;</c> once the producer is healthy, then every replica's state changes.
/// </summary>
internal sealed class EntryPointLog(ResourceNotificationService notifications, IConfiguration configuration, DistributedApplicationOptions options) : BackgroundService
{
    private readonly ConcurrentDictionary<string, string> _states = new(StringComparer.Ordinal);
    private bool _announced;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var change in notifications.WatchAsync(stoppingToken))
            {
                Report(change);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Report(ResourceEvent change)
    {
        var snapshot = change.Snapshot;
        if (snapshot.State?.Text is not { Length: > 0 } state || snapshot.IsHidden)
        {
            return;
        }

        var health = snapshot.HealthStatus is { } status && state == KnownResourceStates.Running ? $" ({status})" : "";
        var exit = snapshot.ExitCode is { } code && KnownResourceStates.TerminalStates.Contains(state) ? $" (exit code {code})" : "";
        var line = state + health + exit;
        if (_states.TryGetValue(change.ResourceId, out var previous) && previous == line)
        {
            return;
        }

        _states[change.ResourceId] = line;
        Console.Out.WriteLine($"{change.ResourceId}: {line}");
        if (!_announced && change.Resource.Name == "producer" && snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
        {
            _announced = true;
            if (LoginUrl() is { } dashboard)
            {
                Console.Out.WriteLine($"Dashboard: {dashboard}");
            }

            var url = snapshot.Urls.FirstOrDefault(u => !u.IsInternal && u.Url.StartsWith("http", StringComparison.Ordinal))?.Url;
            Console.Out.WriteLine($"Producer: {url}");
        }
    }

    // The dashboard's address with its browser token: the link Aspire itself logs as "Login to the dashboard at …".
    private string? LoginUrl()
    {
        var urls = configuration["ASPNETCORE_URLS"]?.Split(';').FirstOrDefault();
        if (urls is null || options.DisableDashboard)
        {
            return null;
        }

        return configuration["AppHost:BrowserToken"] is { Length: > 0 } token ? $"{urls.TrimEnd('/')}/login?t={token}" : urls;
    }
}
