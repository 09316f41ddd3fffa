using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Signups.AppHost.Dashboard.Metrics;
using Signups.AppHost.Hosting;

namespace Signups.AppHost.Dashboard;

/// <summary>The dashboard's services and routes, on its own Kestrel app.</summary>
internal static class DashboardEndpointExtensions
{
    /// <summary>What the routes need: the app, its monitor, the actions and the page's files.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services, DistributedApplication app, PipelineMonitor monitor)
    {
        services.AddSingleton(app);
        services.AddSingleton(monitor);
        services.AddSingleton<DashboardUpdates>();
        services.AddSingleton<ResourceActions>();
        services.AddSingleton(DashboardAsset.LoadAll());
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        // Only names of this machine: another site must not reach the dashboard by rebinding its DNS name to 127.0.0.1.
        services.AddHostFiltering(hosts => hosts.AllowedHosts = ["127.0.0.1", "localhost", "[::1]"]);
        return services;
    }

    /// <summary>
    /// <c>GET /</c> and the page's files; <c>GET /api/updates</c> and <c>GET /api/logs/{resource}</c> (server-sent
    /// events); <c>POST /api/resources/{resource}/{action}</c> with <c>?replicas=N</c> (scale) or <c>?replica=N</c> (kill).
    /// </summary>
    public static WebApplication MapDashboard(this WebApplication web)
    {
        web.UseHostFiltering();
        foreach (var asset in web.Services.GetRequiredService<IReadOnlyList<DashboardAsset>>())
        {
            web.MapGet(asset.Path == "index.html" ? "/" : $"/{asset.Path}", () => TypedResults.Bytes(asset.Content, asset.ContentType));
        }

        var stopping = web.Lifetime.ApplicationStopping;
        web.MapGet("/api/updates", (DashboardUpdates updates, HttpContext context) =>
            TypedResults.ServerSentEvents(updates.StreamAsync(Until(context, stopping)), "update"));
        web.MapGet("/api/logs/{resource}", (string resource, DistributedApplication app, HttpContext context) =>
            resource == AppHostConsole.AppHostSource || app.Resources.Any(r => r.Name == resource)
                ? Results.ServerSentEvents(LogStream.StreamAsync(LogOf(app, resource), Until(context, stopping)), "lines")
                : Results.NotFound());

        // A custom header makes a browser ask before sending it from another site's page, which we never allow.
        web.MapPost("/api/resources/{resource}/{action}", (string resource, string action, int? replicas, int? replica, ResourceActions actions, HttpContext context) =>
            context.Request.Headers.ContainsKey("X-Signups-Dashboard")
                ? actions.Request(resource, action, replicas, replica)
                : Results.BadRequest(new ActionAnswer("Actions need the X-Signups-Dashboard header.")));
        return web;
    }

    private static ResourceLog LogOf(DistributedApplication app, string resource) =>
        resource == AppHostConsole.AppHostSource ? app.Console.Log : app.GetResource(resource).Log;

    // Streams end when the page goes away or the dashboard stops (else Kestrel would wait for them on shutdown).
    private static CancellationToken Until(HttpContext context, CancellationToken stopping)
    {
        var until = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        context.Response.RegisterForDispose(until);
        return until.Token;
    }
}
