using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Signups.IntegrationTests.Infrastructure;

/// <summary>
/// An OTLP/HTTP receiver (https://opentelemetry.io/docs/specs/otlp/#otlphttp) that keeps the spans, metrics and
/// log-record counts it is sent in memory: the services export to it exactly as they would to Aspire's dashboard or a
/// collector. Reads just the protobuf fields tests look at.
/// </summary>
internal sealed class OtlpCollector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<CollectedSpan> _spans = new();
    private readonly ConcurrentQueue<CollectedMetric> _metrics = new();
    private readonly ConcurrentDictionary<string, int> _logRecords = new(StringComparer.Ordinal);

    private OtlpCollector(WebApplication app) => _app = app;

    public Uri Endpoint => new(_app.Urls.First());

    public IReadOnlyList<CollectedSpan> Spans => [.. _spans];

    public IReadOnlyList<CollectedMetric> Metrics => [.. _metrics];

    /// <summary>Log records received, per service.</summary>
    public IReadOnlyDictionary<string, int> LogRecords => new Dictionary<string, int>(_logRecords, StringComparer.Ordinal);

    public static async Task<OtlpCollector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var collector = new OtlpCollector(builder.Build());
        collector._app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            foreach (var span in OtlpProtobuf.ReadSpans(await BodyAsync(request)))
            {
                collector._spans.Enqueue(span);
            }

            return Results.Bytes([], "application/x-protobuf");
        });
        collector._app.MapPost("/v1/metrics", async (HttpRequest request) =>
        {
            foreach (var metric in OtlpProtobuf.ReadMetrics(await BodyAsync(request)))
            {
                collector._metrics.Enqueue(metric);
            }

            return Results.Bytes([], "application/x-protobuf");
        });
        collector._app.MapPost("/v1/logs", async (HttpRequest request) =>
        {
            foreach (var (service, records) in OtlpProtobuf.ReadLogRecordCounts(await BodyAsync(request)))
            {
                collector._logRecords.AddOrUpdate(service, records, (_, seen) => seen + records);
            }

            return Results.Bytes([], "application/x-protobuf");
        });
        await collector._app.StartAsync(TestContext.Current.CancellationToken);
        return collector;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static async Task<byte[]> BodyAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        return body.ToArray();
    }
}
