using Microsoft.Playwright;
using Orchestrator.Integration.Tests.Support;

namespace Orchestrator.Integration.Tests.Dashboard;

/// <summary>
/// Headless system Chromium through Playwright, for the dashboard's browser tests. Skipped without Chromium, failed
/// under CI (<see cref="TestEnvironment.RequireChromium"/>); Playwright's own browser download is never used.
/// </summary>
public sealed class DashboardBrowser : IAsyncDisposable
{
    private DashboardBrowser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    public IPage Page { get; }

    /// <summary>What the page said on its console and which requests failed: shown when an assertion fails.</summary>
    public List<string> Console { get; } = [];

    public static async Task<DashboardBrowser> OpenAsync(Uri baseAddress)
    {
        var chromium = TestEnvironment.RequireChromium();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 1100 },
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        var page = await context.NewPageAsync();
        var opened = new DashboardBrowser(playwright, browser, page);
        page.Console += (_, message) => opened.Console.Add($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => opened.Console.Add($"page error: {error}");
        page.RequestFailed += (_, request) => opened.Console.Add($"request failed: {request.Url} {request.Failure}");
        return opened;
    }

    /// <summary>Logs in through the form and waits until every section has loaded.</summary>
    public async Task LoginAsync(string email, string password)
    {
        await Page.GotoAsync("/");
        await Page.FillAsync("#login-email", email);
        await Page.FillAsync("#login-password", password);
        await Page.ClickAsync("#login-submit");
        await Page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 20_000 });
    }

    /// <summary>The text of each cell of a table's body rows.</summary>
    public async Task<string[][]> RowsAsync(string table)
    {
        // The table's own rows: not a row of fills shown under an order, nor the rows of the table inside it.
        var rows = await Page.Locator($"{table} > tbody > tr:not(.empty):not(.fills)").AllAsync();
        var result = new List<string[]>();
        foreach (var row in rows)
        {
            result.Add([.. (await row.Locator("td").AllInnerTextsAsync()).Select(t => t.Trim())]);
        }

        return [.. result];
    }

    /// <summary>Waits until a table has <paramref name="count"/> body rows (the page reloads after each change).</summary>
    public async Task<string[][]> WaitForRowsAsync(string table, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var rows = await RowsAsync(table);
            if (rows.Length == count || DateTime.UtcNow > deadline)
            {
                Assert.True(rows.Length == count, $"{table}: {rows.Length} rows, expected {count}: {string.Join(" | ", rows.Select(r => string.Join(",", r)))}\n{string.Join("\n", Console)}");
                return rows;
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
