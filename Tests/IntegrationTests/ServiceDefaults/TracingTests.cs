using System.Diagnostics;
using System.Net.Http.Json;
using Signups.IntegrationTests.Infrastructure;

namespace Signups.IntegrationTests.ServiceDefaults;

public sealed class TracingTests
{
    [Fact]
    public async Task OneSignupCanBeFollowedFromTheRequestToItsEmailAndItsAnalyticsRow()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var graph = await TestGraph.StartAsync(options =>
        {
            options.OtlpEndpoint = collector.Endpoint.ToString().TrimEnd('/');
            options.OtlpProtocol = "http/protobuf";
            foreach (var service in new[] { "producer", "stream-worker", "batch-worker" })
            {
                options.Environment[service] = new() { ["OTEL_BSP_SCHEDULE_DELAY"] = "200" };
            }
        });
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var http = new HttpClient { BaseAddress = graph.Producer };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/signups") { Content = JsonContent.Create(new { email = "traced@example.com", name = "Traced" }) };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);

        var spans = await Eventually.WaitAsync("the request, publish, process, email and flush spans are exported",
            _ => Task.FromResult(collector.Spans),
            all => Has(all, traceId, "producer", "POST /signups") && Has(all, traceId, "producer", "user_signups publish")
                && Has(all, traceId, "stream-worker", "user_signups process") && Has(all, traceId, "stream-worker", "welcome_email send")
                && all.Any(s => s.Service == "batch-worker" && s.Name == "signup_facts flush" && s.LinkedTraceIds.Contains(traceId)),
            TimeSpan.FromSeconds(60));

        var publish = spans.Single(s => s.Name == "user_signups publish" && s.TraceId == traceId);
        var process = spans.Single(s => s.Name == "user_signups process" && s.TraceId == traceId);
        var email = spans.Single(s => s.Name == "welcome_email send" && s.TraceId == traceId);
        Assert.Equal(publish.SpanId, process.ParentSpanId);
        Assert.Equal(process.SpanId, email.ParentSpanId);
    }

    private static bool Has(IReadOnlyList<CollectedSpan> spans, string traceId, string service, string name) =>
        spans.Any(s => s.TraceId == traceId && s.Service == service && s.Name == name);
}
