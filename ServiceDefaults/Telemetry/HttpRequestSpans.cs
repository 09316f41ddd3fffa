using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Signups.ServiceDefaults.Telemetry;

/// <summary>
/// What OpenTelemetry.Instrumentation.AspNetCore (not available here) would do for request spans: name them
/// <c>{method} {route}</c> with the HTTP semantic-convention tags, and leave health probes out of traces.
/// </summary>
internal static class HttpRequestSpans
{
    private const string HostingActivity = "Microsoft.AspNetCore.Hosting.HttpRequestIn";

    public static IApplicationBuilder UseHttpRequestSpans(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        if (Activity.Current is not { OperationName: HostingActivity } activity)
        {
            return;
        }

        if (context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/alive"))
        {
            // The AppHost probes every few seconds; such spans would bury the ones people look for.
            activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
            return;
        }

        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        activity.DisplayName = route is null ? context.Request.Method : $"{context.Request.Method} {route}";
        activity.SetTag("http.request.method", context.Request.Method);
        activity.SetTag("http.route", route);
        activity.SetTag("url.path", context.Request.Path.Value);
        activity.SetTag("http.response.status_code", context.Response.StatusCode);
    });
}
