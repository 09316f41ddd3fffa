using Signups.AppHost.Dashboard.Metrics;
using Signups.AppHost.Hosting;
using Signups.AppHost.Pipeline;

namespace Signups.AppHost.Dashboard;

/// <summary>What the AppHost runs beside the graph, each as a companion that lives as long as the app: the pipeline monitor, the dashboard and the status line.</summary>
public static class DashboardExtensions
{
    /// <summary>Samples <paramref name="shape"/> every <paramref name="interval"/> (default 1 s) from Kafka and the workers' <c>/stats</c>.</summary>
    public static PipelineMonitor StartPipelineMonitor(this DistributedApplication app, PipelineShape shape, TimeSpan? interval = null)
    {
        var monitor = new PipelineMonitor(app, shape, interval ?? TimeSpan.FromSeconds(1));
        app.AddCompanion(monitor);
        monitor.Start();
        return monitor;
    }

    /// <summary>
    /// Serves the dashboard on 127.0.0.1 at <see cref="AppHostOptions.DashboardPort"/> (0: a free port) and returns its
    /// address; returns null when the port is -1. Can start before the resources do, to watch them start.
    /// </summary>
    public static async Task<Uri?> StartDashboardAsync(this DistributedApplication app, PipelineMonitor monitor, CancellationToken cancellationToken = default)
    {
        if (app.Options.DashboardPort < 0)
        {
            return null;
        }

        var server = await DashboardServer.StartAsync(app, monitor, app.Options.DashboardPort, cancellationToken);
        app.AddCompanion(server);
        return server.Address;
    }

    /// <summary>Writes a one-line status of the graph to the AppHost's console every <paramref name="interval"/>.</summary>
    public static void StartStatusLine(this DistributedApplication app, PipelineMonitor monitor, TimeSpan interval)
    {
        var reporter = new StatusLineReporter(app, monitor, interval);
        app.AddCompanion(reporter);
        reporter.Start();
    }
}
