using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Orchestrator.Domain.MarketData;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Integration.Tests.Trading;
using Orchestrator.Storage.MarketData;

namespace Orchestrator.Integration.Tests.Dashboard;

/// <summary>The dashboard in headless Chromium: log in through the form, read the overview and tables, trade through the ticket.</summary>
public sealed class DashboardBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_trader_logs_in_sees_exact_figures_places_and_cancels_orders_and_sees_field_errors()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server, initialCash: 50_000m);
        // An hour of stored bars for the price chart, then a live bar at 100 that the market order fills against.
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        start = new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, start.Minute, 0, TimeSpan.Zero);
        var history = Enumerable.Range(0, 60).Select(i => new Bar("ACME", start.AddMinutes(i), TimeSpan.FromMinutes(1),
            100m + (i % 7) - 3, 100m + (i % 7) - 1, 100m + (i % 7) - 4, 100m + (i % 5) - 2, 10_000m)).ToArray();
        await server.App.Services.GetRequiredService<IBarStore>().WriteAsync(StoredBars.Of(history), null, Ct);
        await kit.BarAsync("ACME", 100m, 100m, 100m, 100m, 1_000_000m);
        var bought = await kit.PlaceAsync(new { accountId = kit.AccountId, symbol = "ACME", side = "BUY", orderType = "MARKET", quantity = 10 });
        Assert.Equal(HttpStatusCode.Created, bought.StatusCode);
        var resting = await (await kit.PlaceAsync(new { accountId = kit.AccountId, symbol = "ACME", side = "BUY", orderType = "LIMIT", quantity = 5, limitPrice = 90, timeInForce = "GTC" }))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        var restingId = resting.GetProperty("orderId").GetGuid();

        await using var browser = await DashboardBrowser.OpenAsync(server.BaseAddress);
        var page = browser.Page;
        await browser.LoginAsync(kit.User.Email, kit.User.Password);

        // Cash: 50,000 - 10 x 100 - 1.00 commission (the minimum) = 48,999.00; the resting limit reserves buying power, not cash.
        Assert.Equal("48,999.00", await page.InnerTextAsync("#total-cash"));
        Assert.Equal("1,000.00", await page.InnerTextAsync("#portfolio-value"));
        Assert.Equal("49,999.00", await page.InnerTextAsync("#total-equity"));
        var accounts = await browser.RowsAsync("#accounts-table");
        Assert.Equal(["Paper", "USD", "48,999.00", "1,000.00", "49,999.00"], accounts.Single()[..5]);
        Assert.Equal("ACTIVE", await page.InnerTextAsync("#risk-state"));

        Assert.Equal([["ACME", "10", "100.00", "100.00", "1,000.00", "0.00", "0.00"]], await browser.RowsAsync("#positions-table"));
        var open = await browser.RowsAsync("#open-orders-table");
        Assert.Equal(["ACME", "BUY", "LIMIT", "5", "0", "90.00", "", "GTC", "NEW", "Cancel"], open.Single()[1..]);
        var recent = await browser.RowsAsync("#recent-orders-table");
        Assert.Equal([["ACME", "BUY", "LIMIT", "5", "0", "", "0.00", "NEW", "MANUAL", ""], ["ACME", "BUY", "MARKET", "10", "10", "100.00", "1.00", "FILLED", "MANUAL", ""]],
            recent.Select(r => r[1..]).ToArray());
        Assert.Equal("60 1m bars of ACME", await page.InnerTextAsync("#price-note"));

        // A click on an order's row shows its fills under it: the market buy's one fill, 10 at 100.00 for the 1.00
        // minimum commission, taking liquidity, with the paper exchange's trade id; a second click hides them.
        var boughtId = (await bought.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("orderId").GetGuid();
        var tradeId = Assert.Single((await kit.GetAsync($"/api/v1/orders/{boughtId}/fills")).EnumerateArray()).GetProperty("tradeId").GetString();
        var boughtRow = page.Locator($"#recent-orders-table tr[data-order-id='{boughtId}']");
        await boughtRow.ClickAsync();
        var fill = page.Locator("#recent-orders-table tr.fills .fills-table tbody tr");
        await fill.WaitForAsync();
        Assert.Equal(["10", "100.00", "1.00", "taker", tradeId], (await fill.Locator("td").AllInnerTextsAsync()).Skip(1).Select(t => t.Trim()).ToArray());
        Assert.Equal(2, (await browser.RowsAsync("#recent-orders-table")).Length);
        await boughtRow.ClickAsync();
        Assert.Equal(0, await page.Locator("#recent-orders-table tr.fills").CountAsync());

        // A LIMIT order through the ticket.
        await page.FillAsync("#ticket-symbol", "acme");
        await page.SelectOptionAsync("#ticket-side", "SELL");
        await page.SelectOptionAsync("#ticket-type", "LIMIT");
        await page.FillAsync("#ticket-quantity", "3");
        await page.FillAsync("#ticket-limit", "125.5");
        await page.SelectOptionAsync("#ticket-tif", "DAY");
        await page.ClickAsync("#ticket-submit");
        await page.WaitForSelectorAsync("#ticket-ok:has-text('Placed')");
        Assert.Equal("Placed SELL 3 ACME LIMIT: NEW.", await page.InnerTextAsync("#ticket-ok"));
        var working = (await kit.GetAsync($"/api/v1/orders?accountId={kit.AccountId}&status=NEW")).GetProperty("items").EnumerateArray().ToList();
        var placed = Assert.Single(working, o => o.GetProperty("side").GetString() == "SELL");
        Assert.Equal(("ACME", "LIMIT", 3m, 125.5m, "DAY"), (placed.GetProperty("symbol").GetString(), placed.GetProperty("orderType").GetString(),
            placed.GetProperty("quantity").GetDecimal(), placed.GetProperty("limitPrice").GetDecimal(), placed.GetProperty("timeInForce").GetString()));
        Assert.StartsWith("web-", placed.GetProperty("clientOrderId").GetString(), StringComparison.Ordinal);
        await browser.WaitForRowsAsync("#open-orders-table", 2);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/dashboard-test.png", FullPage = true });

        // Cancel the resting buy from its row.
        await page.Locator($"#open-orders-table tr[data-order-id='{restingId}'] button").ClickAsync();
        var remaining = await browser.WaitForRowsAsync("#open-orders-table", 1);
        Assert.Equal(["ACME", "SELL", "LIMIT", "3", "0", "125.50", "", "DAY", "NEW", "Cancel"], remaining.Single()[1..]);
        Assert.Equal("CANCELLED", (await kit.GetAsync($"/api/v1/orders/{restingId}")).GetProperty("status").GetString());

        // A bad quantity: the server's 422 message sits beside the field, and nothing is placed.
        await page.FillAsync("#ticket-quantity", "-5");
        await page.ClickAsync("#ticket-submit");
        await page.WaitForSelectorAsync(".field-error[data-field='quantity']:has-text('positive')");
        Assert.Equal("must be positive.", await page.InnerTextAsync(".field-error[data-field='quantity']"));
        Assert.Contains("invalid", await page.GetAttributeAsync("#ticket-quantity", "class") ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal("", await page.InnerTextAsync("#ticket-ok"));
        // Only the SELL placed above is still working: the cancelled BUY is gone and the bad order was never stored.
        Assert.Equal(1, (await kit.GetAsync($"/api/v1/orders?accountId={kit.AccountId}&status=NEW")).GetProperty("items").GetArrayLength());
        Assert.Equal(3, (await kit.GetAsync($"/api/v1/orders?accountId={kit.AccountId}")).GetProperty("items").GetArrayLength());

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/dashboard-test-after.png", FullPage = true });
        // Nothing went wrong in the page but the one refusal the test asked for (Chromium logs every non-2xx answer).
        Assert.Equal(["error: Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)"],
            browser.Console.Where(line => line.StartsWith("error", StringComparison.Ordinal) || line.StartsWith("page error", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_wrong_password_shows_the_apis_refusal_and_logout_returns_to_the_form()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server);
        await using var browser = await DashboardBrowser.OpenAsync(server.BaseAddress);
        var page = browser.Page;

        await page.GotoAsync("/");
        await page.FillAsync("#login-email", kit.User.Email);
        await page.FillAsync("#login-password", "wrong password entirely");
        await page.ClickAsync("#login-submit");
        await page.WaitForSelectorAsync("#login-error:not(:empty)");
        var problem = await (await server.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = kit.User.Email, password = "wrong password entirely" }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(problem.GetProperty("detail").GetString(), await page.InnerTextAsync("#login-error"));

        await browser.LoginAsync(kit.User.Email, kit.User.Password);
        await page.WaitForSelectorAsync("#stream-state:has-text('stream: live')", new PageWaitForSelectorOptions { Timeout = 10_000 });

        // The kill switch asks for a reason (a prompt), then PUTs the state; the page shows what the API answered.
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync("lunch break");
        await page.ClickAsync("#risk-halt");
        await page.WaitForSelectorAsync("#risk-state:has-text('HALTED')");
        Assert.Equal("(lunch break)", await page.InnerTextAsync("#risk-reason"));
        var state = await kit.GetAsync("/api/v1/risk/state");
        Assert.Equal(("HALTED", "lunch break"), (state.GetProperty("state").GetString(), state.GetProperty("reason").GetString()));
        await page.ClickAsync("#risk-resume");
        await page.WaitForSelectorAsync("#risk-state:has-text('ACTIVE')");
        Assert.Equal("ACTIVE", (await kit.GetAsync("/api/v1/risk/state")).GetProperty("state").GetString());

        await page.ClickAsync("#logout");
        await page.WaitForSelectorAsync("#login-form", new PageWaitForSelectorOptions { State = WaitForSelectorState.Visible });
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('orchestrator.session')"));
    }

    [Fact]
    public async Task The_page_refreshes_its_session_a_minute_before_the_access_token_expires()
    {
        // Access tokens live 65 s here, so the page's refresh (a minute before expiry) is due 5 s after login.
        await using var server = await ApiServer.StartAsync(Orchestrator.Storage.Configuration.DatabaseProvider.Sqlite, "--Security:AccessTokenLifetime=00:01:05");
        var kit = await TradingKit.StartAsync(server);
        await using var browser = await DashboardBrowser.OpenAsync(server.BaseAddress);
        var page = browser.Page;
        await browser.LoginAsync(kit.User.Email, kit.User.Password);
        var first = await page.EvaluateAsync<JsonElement>("JSON.parse(sessionStorage.getItem('orchestrator.session'))");

        // Polled from here: the page's CSP refuses the string evaluation WaitForFunctionAsync would use (no 'unsafe-eval').
        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonElement second;
        do
        {
            await Task.Delay(250, Ct);
            second = await page.EvaluateAsync<JsonElement>("JSON.parse(sessionStorage.getItem('orchestrator.session'))");
        }
        while (second.GetProperty("accessToken").GetString() == first.GetProperty("accessToken").GetString() && DateTime.UtcNow < deadline);

        Assert.NotEqual(first.GetProperty("accessToken").GetString(), second.GetProperty("accessToken").GetString());
        Assert.NotEqual(first.GetProperty("refreshToken").GetString(), second.GetProperty("refreshToken").GetString());
        Assert.Equal(kit.User.Email, second.GetProperty("email").GetString());
        // The new token works, and the spent refresh token does not (rotation: it was used once).
        using var fresh = server.Client(bearer: second.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/v1/accounts", Ct)).StatusCode);
        using var anonymous = server.Client();
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first.GetProperty("refreshToken").GetString() }, Ct)).StatusCode);
        Assert.True(await page.IsVisibleAsync("#app-view"));
    }

    [Fact]
    public async Task Strategies_stop_and_start_from_their_row_alerts_are_acknowledged_and_a_refusal_is_shown()
    {
        await using var server = await ApiServer.StartAsync();
        await Strategies.StrategyRunKit.AddSymbolsAsync(server.Db, "ACME");
        var kit = await Strategies.StrategyRunKit.StartAsync(server);
        var running = await kit.CreateStrategyAsync("Running crossover");
        await Strategies.StrategyRunKit.OkAsync(await kit.StartAsync(running, new { accountId = kit.Trading.AccountId, symbols = new[] { "ACME" } }));
        var never = await kit.CreateStrategyAsync("Never started");
        Guid alertId;
        await using (var db = server.Db.CreateContext())
        {
            var alert = new Orchestrator.Storage.Model.Entities.RiskAlert
            {
                UserId = kit.Trading.User.UserId, AlertType = "RECONCILIATION", Severity = "CRITICAL",
                Title = "Daily loss <b>limit</b>", Message = "<img src=x onerror=alert(1)>", CreatedAt = DateTime.UtcNow, IsAcknowledged = false,
            };
            db.RiskAlerts.Add(alert);
            await db.SaveChangesAsync(Ct);
            alertId = alert.AlertId;
        }

        await using var browser = await DashboardBrowser.OpenAsync(server.BaseAddress);
        var page = browser.Page;
        await browser.LoginAsync(kit.Trading.User.Email, kit.Trading.User.Password);

        Assert.Equal([["Running crossover", "RUNNING", "ACME", "0", "0", "0", "0.00", "Stop"], ["Never started", "STOPPED", "", "", "", "0", "0.00", "Start"]],
            await browser.RowsAsync("#strategies-table"));
        // The alert's markup-looking title and message are shown as text: no element was made of them.
        var alertRow = (await browser.RowsAsync("#alerts-table")).Single();
        Assert.Equal(["CRITICAL", "Daily loss <b>limit</b>", "<img src=x onerror=alert(1)>", "Acknowledge"], alertRow[1..]);
        Assert.Equal(0, await page.Locator("#alerts-table img, #alerts-table b").CountAsync());

        await page.Locator($"#strategies-table tr[data-strategy-id='{running}'] button").ClickAsync();
        await page.WaitForSelectorAsync($"#strategies-table tr[data-strategy-id='{running}'] button:has-text('Start')");
        Assert.False((await kit.Strategies.GetAsync($"/api/v1/strategies/{running}/status")).GetProperty("isActive").GetBoolean());
        await page.Locator($"#strategies-table tr[data-strategy-id='{running}'] button").ClickAsync();
        await page.WaitForSelectorAsync($"#strategies-table tr[data-strategy-id='{running}'] button:has-text('Stop')");
        Assert.Equal("RUNNING", (await kit.Strategies.GetAsync($"/api/v1/strategies/{running}/status")).GetProperty("runState").GetString());

        // A strategy with nowhere to run: the server's 422 detail reaches the banner word for word.
        var refusal = await (await kit.StartAsync(never, null)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        await page.Locator($"#strategies-table tr[data-strategy-id='{never}'] button").ClickAsync();
        await page.WaitForSelectorAsync("#banner.error");
        Assert.Equal($"Start Never started: {refusal.GetProperty("detail").GetString()}", await page.InnerTextAsync("#banner"));

        await page.Locator($"#alerts-table tr[data-alert-id='{alertId}'] button").ClickAsync();
        await page.WaitForSelectorAsync($"#alerts-table tr[data-alert-id='{alertId}'] :text('acknowledged')");
        var alerts = await kit.Strategies.GetAsync("/api/v1/risk/alerts");
        Assert.True(alerts.EnumerateArray().Single().GetProperty("isAcknowledged").GetBoolean());
    }
}
