using Microsoft.Playwright;
using Signups.IntegrationTests.Infrastructure;

namespace Signups.BrowserTests.Infrastructure;

/// <summary>
/// A whole graph under the demo load, started from the AppHost, and one headless Chromium; shared by the tests of a
/// class (each opens its own page of the <c>pipeline</c> resource).
/// </summary>
public sealed class PipelinePageFixture : IAsyncLifetime
{
    private const int LoadRate = 50;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The pipeline page, at the endpoint the Aspire dashboard links to.</summary>
    public Uri Page { get; private set; } = null!;

    internal TestGraph Graph { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Graph = await TestGraph.StartAsync(options =>
        {
            options.DemoLoad = true;
            options.DemoLoadRate = LoadRate;
            options.PipelinePage = true;
        });
        Page = Graph.App.GetEndpoint("pipeline", "http");
        _playwright = await Playwright.CreateAsync();
        _browser = await HeadlessChromium.LaunchAsync(_playwright);
    }

    /// <summary>A new page (its own browser context) showing the pipeline.</summary>
    public async Task<IPage> OpenAsync()
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1100 } });
        await page.GotoAsync(Page.ToString());
        return page;
    }

    /// <summary>Keeps a full-page screenshot under artifacts/ in the test output directory and prints where.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "artifacts", $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot: {path}");
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Graph is not null)
        {
            await Graph.DisposeAsync();
        }
    }
}
