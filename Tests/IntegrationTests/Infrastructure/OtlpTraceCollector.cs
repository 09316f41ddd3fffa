using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Signups.IntegrationTests.Infrastructure;

/// <summary>
/// An OTLP/HTTP receiver (https://opentelemetry.io/docs/specs/otlp/#otlphttp) that keeps the spans it is sent
/// in memory: the services export to it exactly as they would to Aspire's dashboard or a collector.
/// Reads just the protobuf fields tests look at.
/// </summary>
internal sealed class OtlpTraceCollector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<CollectedSpan> _spans = new();

    private OtlpTraceCollector(WebApplication app) => _app = app;

    public Uri Endpoint => new(_app.Urls.First());

    public IReadOnlyList<CollectedSpan> Spans => [.. _spans];

    public static async Task<OtlpTraceCollector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var collector = new OtlpTraceCollector(builder.Build());
        collector._app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            foreach (var span in OtlpProtobuf.ReadSpans(body.ToArray()))
            {
                collector._spans.Enqueue(span);
            }

            return Results.Bytes([], "application/x-protobuf");
        });
        collector._app.MapPost("/v1/{signal}", () => Results.Bytes([], "application/x-protobuf"));
        await collector._app.StartAsync(TestContext.Current.CancellationToken);
        return collector;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
