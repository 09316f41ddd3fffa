using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Signups.BrowserTests.Infrastructure;
using Signups.IntegrationTests.Infrastructure;

namespace Signups.BrowserTests.Dashboard;

/// <summary>The Aspire dashboard as a user sees it in Chromium, on the graph the AppHost runs under the demo load.</summary>
public sealed partial class AspireDashboardTests(AspireDashboardFixture dashboard) : IClassFixture<AspireDashboardFixture>
{
    private const float Deadline = 90_000;
    private static readonly string[] Resources =
        ["kafka", "users-db", "analytics-db", "idempotency-db", "stream-worker", "batch-worker", "producer", "demo-load", "pipeline"];

    [Fact]
    public async Task TheResourcesPageListsEveryResourceRunningAndHealthy()
    {
        var page = await dashboard.OpenAsync();

        foreach (var resource in Resources)
        {
            var row = Row(page, resource);
            // "Running" alone: Aspire writes "Running (Unhealthy)" while a health check fails.
            await Assertions.Expect(row.Locator("[role=gridcell]").Nth(1)).ToHaveTextAsync(RunningAndHealthy(), new() { Timeout = Deadline });
        }

        await PipelinePageFixture.ScreenshotAsync(page, nameof(TheResourcesPageListsEveryResourceRunningAndHealthy));
    }

    [Fact]
    public async Task TheTracesPageShowsASignupsTraceSpanningTheProducerAndTheStreamWorker()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using (var http = new HttpClient { BaseAddress = dashboard.Producer })
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/signups") { Content = JsonContent.Create(new { email = $"traced-{traceId[..8]}@example.com", name = "Traced" }) })
        {
            request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        }

        var page = await dashboard.OpenAsync("/traces/resource/producer");
        // The row's name cell carries the whole trace id in its title; its service tags count the spans of each resource.
        var trace = page.Locator("tr.fluent-data-grid-row", new() { Has = page.Locator($"[title*='{traceId}']") });
        await Assertions.Expect(trace).ToContainTextAsync("producer: POST /signups", new() { Timeout = Deadline });
        await Assertions.Expect(trace.Locator(".trace-service-tag", new() { HasText = "stream-worker" })).ToBeVisibleAsync(new() { Timeout = Deadline });
        await Assertions.Expect(trace.Locator(".trace-service-tag", new() { HasText = "producer" })).ToBeVisibleAsync();
        await PipelinePageFixture.ScreenshotAsync(page, nameof(TheTracesPageShowsASignupsTraceSpanningTheProducerAndTheStreamWorker));
    }

    [Fact]
    public async Task TheMetricsPageShowsTheLagInstrumentOfAWorker()
    {
        var page = await dashboard.OpenAsync("/metrics/resource/batch-worker");

        // The instrument tree is drawn from what had arrived when the page loaded: reload until the lag has.
        var lag = page.Locator("fluent-tree-item[title='messaging.kafka.consumer.lag']");
        await Eventually.WaitAsync("the lag instrument in the batch worker's tree", async _ =>
        {
            var count = await lag.CountAsync();
            if (count == 0)
            {
                await page.ReloadAsync();
            }

            return count;
        }, count => count > 0, TimeSpan.FromMilliseconds(Deadline));
        await lag.ClickAsync();

        await Assertions.Expect(page.GetByText("Messages on a partition not yet processed by this consumer group.").First)
            .ToBeVisibleAsync(new() { Timeout = Deadline });
        // Its chart's filters: one per attribute, so lag can be split by consumer group and partition.
        await Assertions.Expect(page.GetByText("messaging.consumer.group.name", new() { Exact = true }).First).ToBeVisibleAsync(new() { Timeout = Deadline });
        await Assertions.Expect(page.GetByText("messaging.destination.partition.id", new() { Exact = true }).First).ToBeVisibleAsync(new() { Timeout = Deadline });
        await PipelinePageFixture.ScreenshotAsync(page, nameof(TheMetricsPageShowsTheLagInstrumentOfAWorker));
    }

    [Fact]
    public async Task TheKillCommandBringsTheWorkerBackAsANewProcess()
    {
        var page = await dashboard.OpenAsync();
        var before = await ProcessIdAsync(page, "stream-worker");

        await Row(page, "stream-worker").Locator("[title='Actions']").Last.ClickAsync();
        await page.GetByText("Kill (SIGKILL)", new() { Exact = true }).ClickAsync();
        await page.Locator("fluent-dialog fluent-button", new() { HasText = "Yes" }).ClickAsync();

        // The details stay open and follow the resource: a new process id once the AppHost has started it again.
        await Eventually.WaitAsync("a new process id in the stream worker's details",
            async _ => ProcessIdLine().Match(await page.Locator("body").TextContentAsync() ?? string.Empty).Groups[1].Value,
            pid => pid.Length > 0 && pid != before.ToString(System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromMilliseconds(Deadline));
        await Assertions.Expect(Row(page, "stream-worker").Locator("[role=gridcell]").Nth(1))
            .ToHaveTextAsync(RunningAndHealthy(), new() { Timeout = Deadline });
        Assert.Contains("exited with code 137; starting it again", dashboard.AppHostOutput, StringComparison.Ordinal);
        await PipelinePageFixture.ScreenshotAsync(page, nameof(TheKillCommandBringsTheWorkerBackAsANewProcess));
    }

    private static ILocator Row(IPage page, string resource) =>
        page.Locator("tr.fluent-data-grid-row", new() { Has = page.Locator($"[title='Project: {resource}'], [title$=': {resource}']") }).First;

    // The "Process ID" of the resource's details, opened from its actions menu; waits for one while it restarts.
    private static async Task<int> ProcessIdAsync(IPage page, string resource)
    {
        await Row(page, resource).Locator("[title='Actions']").Last.ClickAsync();
        await page.GetByText("View details", new() { Exact = true }).ClickAsync();
        var details = page.Locator("body");
        await Assertions.Expect(details).ToContainTextAsync(ProcessIdLine(), new() { Timeout = Deadline });
        return int.Parse(ProcessIdLine().Match(await details.TextContentAsync() ?? string.Empty).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^\s*Running\s*$")]
    private static partial Regex RunningAndHealthy();

    [GeneratedRegex(@"Process ID\s*(\d+)")]
    private static partial Regex ProcessIdLine();
}
