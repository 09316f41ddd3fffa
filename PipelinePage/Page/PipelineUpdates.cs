using System.Runtime.CompilerServices;
using Signups.PipelinePage.Monitoring;

namespace Signups.PipelinePage.Page;

/// <summary>The page's live feed (server-sent events): new samples once a second.</summary>
internal sealed class PipelineUpdates(PipelineMonitor monitor, TimeProvider clock)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public async IAsyncEnumerable<PipelineUpdate> StreamAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var history = monitor.History();
        var seen = history.Count > 0 ? history[^1].Time : DateTimeOffset.MinValue;
        yield return new PipelineUpdate(monitor.Shape, history);

        using var timer = new PeriodicTimer(Interval, clock);
        while (await Tick(timer, cancellationToken))
        {
            var samples = monitor.History().Where(s => s.Time > seen).ToList();
            if (samples.Count > 0)
            {
                seen = samples[^1].Time;
            }

            yield return new PipelineUpdate(null, samples);
        }
    }

    // The stream ends quietly when the page goes away or the service stops.
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
