using Microsoft.Playwright;
using Signups.AppHost;
using Signups.AppHost.Dashboard;
using Signups.AppHost.Dashboard.Metrics;
using Signups.IntegrationTests.Infrastructure;

namespace Signups.BrowserTests.Infrastructure;

/// <summary>
/// A whole graph under the demo load with its dashboard on a free port, started through the AppHost's own code,
/// and one headless Chromium; shared by the tests of a class (each opens its own page).
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private const int LoadRate = 50;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Where the dashboard listens (the port it actually bound).</summary>
    public Uri Dashboard { get; private set; } = null!;

    /// <summary>What the dashboard's charts are drawn from.</summary>
    public PipelineMonitor Monitor { get; private set; } = null!;

    internal TestGraph Graph { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Graph = await TestGraph.StartAsync(options =>
        {
            options.DemoLoad = true;
            options.DemoLoadRate = LoadRate;
            options.DashboardPort = 0;
        });
        Monitor = Graph.App.StartPipelineMonitor(SignupsAppHost.Pipeline(Graph.Options));
        Dashboard = await Graph.App.StartDashboardAsync(Monitor, TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException("The dashboard did not start.");
        _playwright = await Playwright.CreateAsync();
        _browser = await HeadlessChromium.LaunchAsync(_playwright);
    }

    /// <summary>A new page (its own browser context) showing the dashboard.</summary>
    public async Task<IPage> OpenAsync()
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1500 } });
        await page.GotoAsync(Dashboard.ToString());
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
