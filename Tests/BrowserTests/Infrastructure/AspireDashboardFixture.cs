using Microsoft.Playwright;
using Signups.IntegrationTests.Infrastructure;

namespace Signups.BrowserTests.Infrastructure;

/// <summary>
/// The AppHost as a user runs it (a process of its own, with the Aspire dashboard and the demo load) and one headless
/// Chromium logged in to the dashboard through the login URL the AppHost prints; shared by the tests of a class.
/// </summary>
public sealed class AspireDashboardFixture : IAsyncLifetime
{
    private const float ActionTimeoutMs = 90_000;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private AppHostProcess? _apphost;

    /// <summary>The dashboard's login URL (<c>/login?t=…</c>), as the AppHost printed it.</summary>
    public Uri LoginUrl { get; private set; } = null!;

    /// <summary>The producer's address, as the AppHost printed it.</summary>
    public Uri Producer { get; private set; } = null!;

    /// <summary>What the AppHost printed so far (resource state changes among it).</summary>
    public string AppHostOutput => _apphost!.Output;

    public async ValueTask InitializeAsync()
    {
        _apphost = AppHostProcess.Start("--load-rate", "20");
        Producer = new Uri((await _apphost.WaitForLineAsync("Producer: ", StartTimeout))["Producer: ".Length..]);
        LoginUrl = new Uri((await _apphost.WaitForLineAsync("Dashboard: ", StartTimeout))["Dashboard: ".Length..]);
        _playwright = await Playwright.CreateAsync();
        _browser = await HeadlessChromium.LaunchAsync(_playwright);
    }

    /// <summary>A new page (its own browser context), logged in, showing <paramref name="path"/> of the dashboard.</summary>
    public async Task<IPage> OpenAsync(string path = "/")
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        // Every wait of a click or an expectation: the dashboard renders slowly on a machine busy with other graphs.
        page.SetDefaultTimeout(ActionTimeoutMs);
        Assertions.SetDefaultExpectTimeout(ActionTimeoutMs);
        await page.GotoAsync(LoginUrl.ToString());
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        if (path != "/")
        {
            await page.GotoAsync(new Uri(LoginUrl, path).ToString());
        }

        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_apphost is not null)
        {
            await _apphost.DisposeAsync();
        }
    }
}
