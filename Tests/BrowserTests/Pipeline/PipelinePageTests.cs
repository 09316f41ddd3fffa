using Microsoft.Playwright;
using Signups.BrowserTests.Infrastructure;

namespace Signups.BrowserTests.Pipeline;

/// <summary>The pipeline page as a user sees it in Chromium, on a graph under the demo load.</summary>
public sealed class PipelinePageTests(PipelinePageFixture pipeline) : IClassFixture<PipelinePageFixture>
{
    private const float Deadline = 90_000;
    private static readonly PageWaitForFunctionOptions Polling = new() { Timeout = Deadline, PollingInterval = 250 };

    [Fact]
    public async Task ThePictureShowsKafkaAnsweringAndEachGroupWithItsMember()
    {
        var page = await pipeline.OpenAsync();

        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=connection]').dataset.connected === 'true'", null, Polling);
        await page.WaitForFunctionAsync("() => document.querySelector('#pipeline').textContent.includes('kafka · answering')", null, Polling);
        await page.WaitForFunctionAsync(
            "() => (document.querySelector('#pipeline').textContent.match(/1 member · [1-9][0-9,]* processed/g) ?? []).length === 2", null, Polling);
        Assert.Contains("publishing", await page.Locator("#pipeline").TextContentAsync() ?? "", StringComparison.Ordinal);
        await PipelinePageFixture.ScreenshotAsync(page, nameof(ThePictureShowsKafkaAnsweringAndEachGroupWithItsMember));
    }

    [Fact]
    public async Task ProduceAndConsumeChartsMoveUnderLoad()
    {
        var page = await pipeline.OpenAsync();

        await page.WaitForFunctionAsync("() => Number(document.querySelector('#chart-produce').dataset.last) > 0", null, Polling);
        await page.WaitForFunctionAsync("() => Number(document.querySelector('#chart-consume').dataset.last) > 0", null, Polling);
        var line = await page.Locator("#chart-produce path.series").GetAttributeAsync("d");
        await page.WaitForFunctionAsync("before => document.querySelector('#chart-produce path.series').getAttribute('d') !== before", line, Polling);

        Assert.NotEmpty(await page.Locator("#chart-consume path[data-series='batch-worker']").GetAttributeAsync("d") ?? string.Empty);
        await PipelinePageFixture.ScreenshotAsync(page, nameof(ProduceAndConsumeChartsMoveUnderLoad));
    }

    [Fact]
    public async Task TheBatchSizeChartShowsTheBatchWorkersTransactions()
    {
        var page = await pipeline.OpenAsync();

        // The batch worker's first batch size needs two of its batches (5 s apart at the demo load's rate) in the samples.
        await page.WaitForFunctionAsync(
            "() => (document.querySelector(\"#chart-batches path[data-series='batch-worker']\")?.getAttribute('d') ?? '').length > 0", null, Polling);
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#pipeline rect.lane').length === 12", null, Polling);
        await PipelinePageFixture.ScreenshotAsync(page, nameof(TheBatchSizeChartShowsTheBatchWorkersTransactions));
    }
}
