using System.Runtime.CompilerServices;
using Signups.AppHost.Dashboard.Metrics;
using Signups.AppHost.Hosting;

namespace Signups.AppHost.Dashboard;

/// <summary>The page's live feed (server-sent events): resources and new samples once a second.</summary>
internal sealed class DashboardUpdates(DistributedApplication app, PipelineMonitor monitor)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public async IAsyncEnumerable<DashboardUpdate> StreamAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var history = monitor.History();
        var seen = history.Count > 0 ? history[^1].Time : DateTimeOffset.MinValue;
        yield return new DashboardUpdate(monitor.Shape, Resources(), history, app.Stopping.IsCancellationRequested);

        using var timer = new PeriodicTimer(Interval);
        while (await Tick(timer, cancellationToken))
        {
            var samples = monitor.History().Where(s => s.Time > seen).ToList();
            if (samples.Count > 0)
            {
                seen = samples[^1].Time;
            }

            yield return new DashboardUpdate(null, Resources(), samples, app.Stopping.IsCancellationRequested);
        }
    }

    private List<ResourceView> Resources() => [.. app.Resources.Select(ResourceView.From)];

    // The stream ends quietly when the page goes away or the dashboard stops.
    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
