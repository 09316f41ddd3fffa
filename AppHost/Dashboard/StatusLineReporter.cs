using Signups.AppHost.Dashboard.Metrics;
using Signups.AppHost.Hosting;

namespace Signups.AppHost.Dashboard;

/// <summary>Writes <see cref="StatusLine"/> to the AppHost's console at a fixed interval while the app lives.</summary>
internal sealed class StatusLineReporter(DistributedApplication app, PipelineMonitor monitor, TimeSpan interval) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public void Start() => _loop = Task.Run(() => RunAsync(_stopping.Token));

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _loop;
        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var resources = app.Resources.Select(ResourceView.From).ToList();
                app.Console.Plain(StatusLine.Format(resources, monitor.Shape, monitor.Latest));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
