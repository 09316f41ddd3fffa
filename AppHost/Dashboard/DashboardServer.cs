using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Signups.AppHost.Dashboard.Metrics;
using Signups.AppHost.Hosting;

namespace Signups.AppHost.Dashboard;

/// <summary>The dashboard's Kestrel app on 127.0.0.1, living as a companion of the AppHost.</summary>
internal sealed class DashboardServer : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);
    private readonly WebApplication _web;

    private DashboardServer(WebApplication web, Uri address)
    {
        _web = web;
        Address = address;
    }

    /// <summary>Where the page is, with the port actually bound.</summary>
    public Uri Address { get; }

    /// <summary>Starts listening on 127.0.0.1:<paramref name="port"/> (0: a free port); fails with an <see cref="AppHostException"/> when it cannot.</summary>
    public static async Task<DashboardServer> StartAsync(DistributedApplication app, PipelineMonitor monitor, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(DashboardServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // The AppHost's console belongs to the services' output; the dashboard reports through the AppHost itself.
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        builder.Services.AddDashboard(app, monitor);
        var web = builder.Build();
        web.MapDashboard();
        try
        {
            await web.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            await web.DisposeAsync();
            throw new AppHostException($"The dashboard cannot listen on 127.0.0.1:{port}: {e.Message} (--dashboard-port 0 picks a free port, -1 turns it off).");
        }

        var bound = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DashboardServer(web, new Uri(new Uri(bound).GetLeftPart(UriPartial.Authority) + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(ShutdownTimeout))
        {
            await _web.StopAsync(timeout.Token);
        }

        await _web.DisposeAsync();
    }
}
