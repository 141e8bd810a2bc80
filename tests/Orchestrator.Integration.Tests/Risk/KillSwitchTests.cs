using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Integration.Tests.Trading;
using Orchestrator.Server.Risk.KillSwitch;
using Orchestrator.Storage.Configuration;

namespace Orchestrator.Integration.Tests.Risk;

/// <summary>The kill switch: a day's loss at the limit halts the user, cancels working orders, refuses openings and passes closings.</summary>
public sealed class KillSwitchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Crossing_the_daily_loss_halts_cancels_working_orders_refuses_an_opening_and_accepts_a_closing(DatabaseProvider provider)
    {
        await using var server = await ApiServer.StartAsync(provider);
        var kit = await TradingKit.StartAsync(server, permissiveRisk: false);
        await RiskEnforcementTests.ActivateAsync(kit, new
        {
            profileName = "Day limit", maxDailyLoss = 500, maxCorrelationExposure = 1, maxSectorConcentration = 1, maxPortfolioRisk = 1, minCashPercentage = 0,
            trailingStopEnabled = false, defaultStopLossPercentage = 0.5,
        });
        await kit.BarAsync("ACME", 100m, 100m, 100m, 100m, 1_000_000m);

        // Working: 100,000 cash and no position when the first order reads the day's starting equity: 100,000.
        // Buy 100 at 100: commission max(100 x 0.005, 1.00) = 1.00, so cash 89,999 and equity 89,999 + 100 x mark.
        var bought = await kit.PlaceAsync(Order(kit, "BUY", "MARKET", 100));
        Assert.True(bought.StatusCode == HttpStatusCode.Created, await bought.Content.ReadAsStringAsync(Ct));
        var resting = await (await kit.PlaceAsync(Order(kit, "BUY", "LIMIT", 10, limitPrice: 90m))).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var restingId = resting.GetProperty("orderId").GetGuid();

        // Mark 95.05: equity 89,999 + 9,505 = 99,504, a loss of 496, under the lower of the user's 1,000 and the profile's 500.
        await kit.BarAsync("ACME", 95.05m, 95.05m, 95.05m, 95.05m, 1_000_000m);
        await kit.WaitForOrderAsync(restingId, "NEW");
        Assert.Equal("ACTIVE", (await kit.GetAsync("/api/v1/risk/state")).GetProperty("state").GetString());

        // Mark 95.00: equity 99,499, a loss of 501 >= 500: HALTED, the working buy cancelled, one CRITICAL alert.
        await kit.BarAsync("ACME", 95m, 95m, 95m, 95m, 1_000_000m);
        await kit.WaitForOrderAsync(restingId, "CANCELLED");
        var state = await WaitForStateAsync(kit, "HALTED");
        Assert.Equal("the day's loss 501.00 reached the max_daily_loss limit 500.00", state.GetProperty("reason").GetString());
        var alerts = await kit.GetAsync("/api/v1/risk/alerts?unresolved=true");
        var alert = Assert.Single(alerts.EnumerateArray(), a => a.GetProperty("alertType").GetString() == KillSwitchService.DailyLossAlert);
        Assert.Equal(("CRITICAL", 501m, 500m), (alert.GetProperty("severity").GetString(), alert.GetProperty("currentValue").GetDecimal(), alert.GetProperty("thresholdValue").GetDecimal()));

        var opening = await Problems.AssertProblemAsync(await kit.PlaceAsync(Order(kit, "BUY", "MARKET", 1)), HttpStatusCode.UnprocessableEntity, "order-rejected");
        Assert.Equal("kill_switch", opening.GetProperty("limit").GetString());
        var closing = await kit.PlaceAsync(Order(kit, "SELL", "MARKET", 100));
        Assert.Equal(HttpStatusCode.Created, closing.StatusCode);
        Assert.Equal("FILLED", (await closing.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());

        await using var db = server.Db.CreateContext();
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == "KILL_SWITCH_TRIPPED" && a.ResourceId == kit.User.UserId.ToString(), Ct));
        Assert.Equal(0, await db.AccountPositions.CountAsync(p => p.AccountId == kit.AccountId && p.ClosedAt == null, Ct));
    }

    [Fact]
    public async Task The_daily_loss_is_the_users_two_accounts_losing_under_the_limit_each_halt_together()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server, permissiveRisk: false);
        await RiskEnforcementTests.ActivateAsync(kit, new
        {
            profileName = "Day limit", maxDailyLoss = 500, maxCorrelationExposure = 1, maxSectorConcentration = 1, maxPortfolioRisk = 1, minCashPercentage = 0,
            trailingStopEnabled = false, defaultStopLossPercentage = 0.5,
        });
        var second = await kit.Client.PostAsJsonAsync("/api/v1/accounts", new { brokerId = "paper", accountName = "Second", initialCash = 100_000m }, Ct);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var secondId = (await second.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("accountId").GetGuid();
        await kit.BarAsync("ACME", 100m, 100m, 100m, 100m, 1_000_000m);

        // Each account: 100,000 at the day's start; buys 100 at 100 for a commission of 1.00: cash 89,999.
        foreach (var account in new[] { kit.AccountId, secondId })
        {
            var bought = await kit.PlaceAsync(Order(kit, "BUY", "MARKET", 100) with { accountId = account });
            Assert.True(bought.StatusCode == HttpStatusCode.Created, await bought.Content.ReadAsStringAsync(Ct));
        }

        // Mark 98.50: each 89,999 + 9,850 = 99,849, a loss of 151; the user's 302 is under 500.
        await kit.BarAsync("ACME", 98.5m, 98.5m, 98.5m, 98.5m, 1_000_000m);
        await Task.Delay(300, Ct);
        Assert.Equal("ACTIVE", (await kit.GetAsync("/api/v1/risk/state")).GetProperty("state").GetString());

        // Mark 97.00: each 89,999 + 9,700 = 99,699, a loss of 301, under 500 on its own; the user's 602 is over it.
        await kit.BarAsync("ACME", 97m, 97m, 97m, 97m, 1_000_000m);
        var state = await WaitForStateAsync(kit, "HALTED");
        Assert.Equal("the day's loss 602.00 reached the max_daily_loss limit 500.00", state.GetProperty("reason").GetString());

        // Set ACTIVE by hand with the loss standing: the pre-trade check holds the user's 602 against the 500 too.
        Assert.Equal(HttpStatusCode.OK, (await kit.Client.PutAsJsonAsync("/api/v1/risk/state", new { state = "ACTIVE", reason = "checking" }, Ct)).StatusCode);
        var refused = await Problems.AssertProblemAsync(
            await kit.PlaceAsync(Order(kit, "BUY", "MARKET", 1) with { accountId = secondId }), HttpStatusCode.UnprocessableEntity, "order-rejected");
        Assert.Equal(("max_daily_loss", 602m, 500m),
            (refused.GetProperty("limit").GetString(), refused.GetProperty("value").GetDecimal(), refused.GetProperty("threshold").GetDecimal()));
    }

    [Fact]
    public async Task A_switch_set_before_the_last_session_open_returns_to_active_and_its_daily_loss_alert_is_resolved()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server, permissiveRisk: false);
        await using (var db = server.Db.CreateContext())
        {
            // Halted three weeks ago: every US equities week has a session since (the reset looks two weeks back).
            var user = await db.Users.SingleAsync(u => u.UserId == kit.User.UserId, Ct);
            user.TradingState = "HALTED";
            user.TradingStateReason = "the day's loss 501.00 reached the max_daily_loss limit 500.00";
            user.TradingStateChangedAt = DateTime.UtcNow.AddDays(-21);
            db.RiskAlerts.Add(new Storage.Model.Entities.RiskAlert
            {
                UserId = user.UserId, AlertType = KillSwitchService.DailyLossAlert, Severity = "CRITICAL", Title = "halted", Message = "halted",
                CreatedAt = DateTime.UtcNow.AddDays(-21), IsAcknowledged = false,
            });
            await db.SaveChangesAsync(Ct);
        }

        var service = server.App.Services.GetRequiredService<KillSwitchService>();
        Assert.Equal(1, await service.ResetAtSessionOpenAsync(Ct));
        Assert.Equal(0, await service.ResetAtSessionOpenAsync(Ct));

        var state = await kit.GetAsync("/api/v1/risk/state");
        Assert.Equal(("ACTIVE", "a new session opened"), (state.GetProperty("state").GetString(), state.GetProperty("reason").GetString()));
        await using var check = server.Db.CreateContext();
        var alert = await check.RiskAlerts.SingleAsync(a => a.UserId == kit.User.UserId, Ct);
        Assert.Equal("a new session opened: trading resumed", alert.ResolutionAction);
    }

    private static OrderBody Order(TradingKit kit, string side, string type, int quantity, decimal? limitPrice = null) =>
        new(kit.AccountId, "ACME", side, type, quantity, limitPrice, type == "MARKET" ? "DAY" : "GTC");

    private sealed record OrderBody(Guid accountId, string symbol, string side, string orderType, int quantity, decimal? limitPrice, string timeInForce);

    private static async Task<JsonElement> WaitForStateAsync(TradingKit kit, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var state = await kit.GetAsync("/api/v1/risk/state");
            if (state.GetProperty("state").GetString() == expected || DateTime.UtcNow > deadline)
            {
                Assert.Equal(expected, state.GetProperty("state").GetString());
                return state;
            }

            await Task.Delay(20, Ct);
        }
    }
}
