using Microsoft.Playwright;
using Signups.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Signups.BrowserTests.Dashboard;

/// <summary>The dashboard as a user sees it in Chromium, on a graph under the demo load.</summary>
public sealed class DashboardPageTests(DashboardFixture dashboard) : IClassFixture<DashboardFixture>
{
    private const float Deadline = 90_000;
    private static readonly LocatorAssertionsToHaveAttributeOptions Within = new() { Timeout = Deadline };
    private static readonly PageWaitForFunctionOptions Polling = new() { Timeout = Deadline, PollingInterval = 250 };

    [Fact]
    public async Task EveryResourceShowsAsRunningWithItsProcess()
    {
        var page = await dashboard.OpenAsync();

        foreach (var resource in dashboard.Graph.App.Resources)
        {
            await Expect(Row(page, resource.Name)).ToHaveAttributeAsync("data-state", "Running", Within);
        }

        foreach (var name in new[] { "kafka", "stream-worker", "batch-worker", "producer" })
        {
            await Expect(Row(page, name)).ToHaveAttributeAsync("data-health", "Healthy", Within);
            var pid = dashboard.Graph.App.GetProject(name).Replicas[0].ProcessId;
            await Expect(Row(page, name)).ToHaveAttributeAsync("data-pid", $"{pid}", Within);
        }

        await DashboardFixture.ScreenshotAsync(page, nameof(EveryResourceShowsAsRunningWithItsProcess));
    }

    [Fact]
    public async Task ProduceAndConsumeChartsMoveUnderLoad()
    {
        var page = await dashboard.OpenAsync();

        await page.WaitForFunctionAsync("() => Number(document.querySelector('#chart-produce').dataset.last) > 0", null, Polling);
        await page.WaitForFunctionAsync("() => Number(document.querySelector('#chart-consume').dataset.last) > 0", null, Polling);
        var line = await page.Locator("#chart-produce path.series").GetAttributeAsync("d");
        await page.WaitForFunctionAsync("before => document.querySelector('#chart-produce path.series').getAttribute('d') !== before", line, Polling);

        Assert.NotEmpty(await page.Locator("#chart-consume path[data-series='batch-worker']").GetAttributeAsync("d") ?? string.Empty);
        await DashboardFixture.ScreenshotAsync(page, nameof(ProduceAndConsumeChartsMoveUnderLoad));
    }

    [Fact]
    public async Task RestartClickedOnThePageBringsTheWorkerBackAsANewProcess()
    {
        var page = await dashboard.OpenAsync();
        var row = Row(page, "stream-worker");
        await Expect(row).ToHaveAttributeAsync("data-health", "Healthy", Within);
        var before = await row.GetAttributeAsync("data-pid");

        await row.Locator("button[data-action='restart']").ClickAsync();

        await Expect(page.GetByTestId("action-message")).ToContainTextAsync("restart stream-worker");
        await Expect(row).Not.ToHaveAttributeAsync("data-pid", before!, Within);
        await Expect(row).ToHaveAttributeAsync("data-state", "Running", Within);
        await Expect(row).ToHaveAttributeAsync("data-health", "Healthy", Within);
        var after = await row.GetAttributeAsync("data-pid");
        Assert.NotEqual(before, after);
        Assert.Equal($"{dashboard.Graph.App.GetProject("stream-worker").Replicas[0].ProcessId}", after);

        // Back at work: the new process (its counters start at zero) persists events again.
        await page.WaitForFunctionAsync("() => /stream-worker\\s*1\\/1 running · healthy/.test(document.querySelector('#pipeline').textContent)", null, Polling);
        await WaitUntilAsync(() => dashboard.Monitor.Latest?.Groups.Single(g => g.Resource == "stream-worker").Processed > 0);
        await DashboardFixture.ScreenshotAsync(page, nameof(RestartClickedOnThePageBringsTheWorkerBackAsANewProcess));
    }

    private static ILocator Row(IPage page, string resource) => page.Locator($"#resources tr[data-resource='{resource}']");

    private static Task WaitUntilAsync(Func<bool> condition) =>
        IntegrationTests.Infrastructure.Eventually.WaitAsync("the restarted stream-worker persists events", condition, TimeSpan.FromMilliseconds(Deadline));
}
