using System.Text.Json.Serialization;
using Signups.PipelinePage.Monitoring;

namespace Signups.PipelinePage.Page;

/// <summary>The page's services and routes.</summary>
internal static class PipelinePageExtensions
{
    public static IHostApplicationBuilder AddPipelinePage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PipelinePageOptions>()
            .BindConfiguration(PipelinePageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<WorkerStatsReader>();
        builder.Services.AddSingleton<PipelineMonitor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PipelineMonitor>());
        builder.Services.AddSingleton<PipelineUpdates>();
        builder.Services.AddSingleton(PageAsset.LoadAll());
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return builder;
    }

    /// <summary><c>GET /</c> and the page's files; <c>GET /api/updates</c> (server-sent events).</summary>
    public static WebApplication MapPipelinePage(this WebApplication app)
    {
        foreach (var asset in app.Services.GetRequiredService<IReadOnlyList<PageAsset>>())
        {
            app.MapGet(asset.Path == "index.html" ? "/" : $"/{asset.Path}", () => TypedResults.Bytes(asset.Content, asset.ContentType));
        }

        var stopping = app.Lifetime.ApplicationStopping;
        app.MapGet("/api/updates", (PipelineUpdates updates, HttpContext context) =>
            TypedResults.ServerSentEvents(updates.StreamAsync(Until(context, stopping)), "update"));
        return app;
    }

    // Streams end when the page goes away or the service stops (else Kestrel would wait for them on shutdown).
    private static CancellationToken Until(HttpContext context, CancellationToken stopping)
    {
        var until = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        context.Response.RegisterForDispose(until);
        return until.Token;
    }
}
