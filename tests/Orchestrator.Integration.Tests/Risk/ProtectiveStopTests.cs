using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Integration.Tests.Trading;
using Orchestrator.Storage.Configuration;

namespace Orchestrator.Integration.Tests.Risk;

/// <summary>Protective stops attached to new positions from the risk profile and managed by the account's writer.</summary>
public sealed class ProtectiveStopTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_trailing_stop_follows_the_price_up_and_closes_the_position_on_the_way_down(DatabaseProvider provider)
    {
        await using var server = await ApiServer.StartAsync(provider);
        var kit = await TradingKit.StartAsync(server);
        await RiskEnforcementTests.ActivateAsync(kit, new
        {
            profileName = "Trailing 5%", maxCorrelationExposure = 1, maxSectorConcentration = 1, maxPortfolioRisk = 1, minCashPercentage = 0,
            trailingStopEnabled = true, trailingStopPercentage = 0.05,
        });
        var start = DateTimeOffset.UtcNow;
        await kit.BarAsync("ACME", 100m, 100m, 100m, 100m, 1_000_000m, start.AddMinutes(-2));
        var bought = await kit.PlaceAsync(new { accountId = kit.AccountId, symbol = "ACME", side = "BUY", orderType = "MARKET", quantity = 10, timeInForce = "DAY" });
        Assert.Equal(HttpStatusCode.Created, bought.StatusCode);

        // Entry 100: the stop starts at 100 x 0.95 = 95 and, after each bar that does not reach it, trails the bar's
        // high: stop = max(stop, best high x 0.95).
        //   bar 1 O100 H104 L99  C103: low 99 > 95;      best 104, stop 98.80
        //   bar 2 O103 H110 L102 C109: low 102 > 98.80;  best 110, stop 104.50
        //   bar 3 O109 H112 L106 C107: low 106 > 104.50; best 112, stop 106.40
        //   bar 4 O107 H108 L105 C105.50: low 105 <= 106.40: the stop is hit; the closing market order fills at the
        //   market then, bar 4's close 105.50 (no slippage configured): realized (105.50 - 100) x 10 = 55.
        await kit.BarAsync("ACME", 100m, 104m, 99m, 103m, 1_000_000m, start.AddMinutes(1));
        await kit.BarAsync("ACME", 103m, 110m, 102m, 109m, 1_000_000m, start.AddMinutes(2));
        await kit.BarAsync("ACME", 109m, 112m, 106m, 107m, 1_000_000m, start.AddMinutes(3));
        var position = await DbPolling.WaitForAsync(server, db => db.AccountPositions.AsNoTracking()
            .Where(p => p.AccountId == kit.AccountId && p.StopPrice == 106.40m).SingleOrDefaultAsync(Ct));
        Assert.Equal((112m, 0.05m, "LONG"), (position.StopBestPrice, position.StopTrailingPercentage, position.PositionType));

        await kit.BarAsync("ACME", 107m, 108m, 105m, 105.50m, 1_000_000m, start.AddMinutes(4));
        var clientId = $"trailing-stop-{position.PositionId:N}";
        var exit = await DbPolling.WaitForAsync(server, db => db.Orders.AsNoTracking()
            .Where(o => o.AccountId == kit.AccountId && o.ClientOrderId == clientId && o.Status == "FILLED").SingleOrDefaultAsync(Ct));
        Assert.Equal(("SELL", "MARKET", 10m, 105.50m), (exit.Side, exit.OrderType, exit.Quantity, exit.AverageFillPrice));
        // Sent by the platform, not by a client of the user's: its source is RISK (the entry, sent with a session, MANUAL).
        Assert.Equal("RISK", exit.OrderSource);
        Assert.Equal("RISK", (await kit.GetAsync($"/api/v1/orders/{exit.OrderId}")).GetProperty("orderSource").GetString());

        var closed = await DbPolling.WaitForAsync(server, db => db.AccountPositions.AsNoTracking()
            .Where(p => p.PositionId == position.PositionId && p.ClosedAt != null).SingleOrDefaultAsync(Ct));
        Assert.Equal((0m, 55m), (closed.Quantity, closed.RealizedPnl));

        // A later bar reaching the old stop again changes nothing: the position is flat and its stop gone.
        await kit.BarAsync("ACME", 105m, 105m, 90m, 90m, 1_000_000m, start.AddMinutes(5));
        await using var check = server.Db.CreateContext();
        Assert.Equal(2, await check.Orders.CountAsync(o => o.AccountId == kit.AccountId, Ct));
    }

    [Fact]
    public async Task A_fixed_stop_from_the_profile_closes_a_short_when_a_bar_reaches_it()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server);
        await RiskEnforcementTests.ActivateAsync(kit, new
        {
            profileName = "Fixed 2%", maxCorrelationExposure = 1, maxSectorConcentration = 1, maxPortfolioRisk = 1, minCashPercentage = 0,
            trailingStopEnabled = false, defaultStopLossPercentage = 0.02,
        });
        var start = DateTimeOffset.UtcNow;
        await kit.BarAsync("ACME", 50m, 50m, 50m, 50m, 1_000_000m, start.AddMinutes(-2));
        var sold = await kit.PlaceAsync(new { accountId = kit.AccountId, symbol = "ACME", side = "SELL", orderType = "MARKET", quantity = 20, timeInForce = "DAY" });
        Assert.Equal(HttpStatusCode.Created, sold.StatusCode);

        // Short 20 at 50: the fixed stop is 50 x 1.02 = 51 and never moves. Bar 1's high 50.90 < 51 (and a fixed stop
        // does not follow its low of 48); bar 2's high 51.20 >= 51: a buy of 20 fills at its close 51.10: realized
        // (50 - 51.10) x 20 = -22.
        await kit.BarAsync("ACME", 50m, 50.90m, 48m, 49m, 1_000_000m, start.AddMinutes(1));
        var open = await DbPolling.WaitForAsync(server, db => db.AccountPositions.AsNoTracking()
            .Where(p => p.AccountId == kit.AccountId && p.CurrentPrice == 49m).SingleOrDefaultAsync(Ct));
        Assert.Equal((51m, null, "SHORT"), (open.StopPrice, open.StopTrailingPercentage, open.PositionType));

        await kit.BarAsync("ACME", 49m, 51.20m, 49m, 51.10m, 1_000_000m, start.AddMinutes(2));
        var position = await DbPolling.WaitForAsync(server, db => db.AccountPositions.AsNoTracking()
            .Where(p => p.AccountId == kit.AccountId && p.ClosedAt != null).SingleOrDefaultAsync(Ct));
        Assert.Equal((null, -22m), (position.StopPrice, position.RealizedPnl));
        var exit = (await kit.GetAsync($"/api/v1/orders?symbol=ACME")).GetProperty("items").EnumerateArray()
            .Single(o => o.GetProperty("clientOrderId").GetString() == $"stop-loss-{position.PositionId:N}");
        Assert.Equal(("BUY", 51.10m), (exit.GetProperty("side").GetString(), exit.GetProperty("averageFillPrice").GetDecimal()));
    }

    [Fact]
    public async Task A_refused_exit_re_arms_the_stop_and_the_next_bar_that_reaches_it_exits_again()
    {
        await using var server = await ApiServer.StartAsync();
        var (kit, position, start) = await LongTenWithFixedStopAsync(server);

        // Long 10 at 100, fixed stop 100 x 0.98 = 98. The account stops allowing ACME: the exit will be refused.
        var patched = await kit.Client.PatchAsJsonAsync($"/api/v1/accounts/{kit.AccountId}", new { allowedSymbols = new[] { "OTHER" } }, Ct);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);

        // Bar 1 (start to start + 1 min) low 97.50 <= 98: the exit (stop-loss-ID) is refused by allowed_symbols and stored REJECTED.
        await kit.BarAsync("ACME", 99m, 99m, 97.5m, 97.8m, 1_000_000m, start);
        var refused = await DbPolling.WaitForAsync(server, db => db.Orders.AsNoTracking()
            .Where(o => o.ClientOrderId == $"stop-loss-{position.PositionId:N}" && o.Status == "REJECTED").SingleOrDefaultAsync(Ct));
        Assert.StartsWith("allowed_symbols:", refused.RejectionReason, StringComparison.Ordinal);

        // ACME allowed again; bar 2 (start + 1 min to start + 2 min) low 97 <= 98 still: the re-armed stop exits again, the
        // order's client id carrying the bar's end (yyyyMMddHHmm of start + 2 min): it fills at the close 97.20, realized (97.20 - 100) x 10 = -28.
        patched = await kit.Client.PatchAsJsonAsync($"/api/v1/accounts/{kit.AccountId}", new { allowedSymbols = (string[]?)null }, Ct);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        await kit.BarAsync("ACME", 97.8m, 98m, 97m, 97.2m, 1_000_000m, start.AddMinutes(1));
        var retryId = $"stop-loss-{position.PositionId:N}-{start.AddMinutes(2).UtcDateTime:yyyyMMddHHmm}";
        var exit = await DbPolling.WaitForAsync(server, db => db.Orders.AsNoTracking()
            .Where(o => o.ClientOrderId == retryId && o.Status == "FILLED").SingleOrDefaultAsync(Ct));
        Assert.Equal(("SELL", 10m, 97.2m), (exit.Side, exit.Quantity, exit.AverageFillPrice));
        var closed = await DbPolling.WaitForAsync(server, db => db.AccountPositions.AsNoTracking()
            .Where(p => p.PositionId == position.PositionId && p.ClosedAt != null).SingleOrDefaultAsync(Ct));
        Assert.Equal(-28m, closed.RealizedPnl);
    }

    [Fact]
    public async Task An_exit_cancelled_before_it_filled_re_arms_the_stop_for_what_is_left()
    {
        await using var server = await ApiServer.StartAsync();
        var (kit, position, start) = await LongTenWithFixedStopAsync(server);

        // Bar 1 reaches the stop (low 97.50 <= 98) on a volume of 8: the exit sells 25% of 8 = 2 at the close 97.80 and
        // the other 8 wait for the next bar. The user cancels them.
        await kit.BarAsync("ACME", 99m, 99m, 97.5m, 97.8m, 8m, start);
        var exitId = $"stop-loss-{position.PositionId:N}";
        var first = await DbPolling.WaitForAsync(server, db => db.Orders.AsNoTracking()
            .Where(o => o.ClientOrderId == exitId && o.Status == "PARTIALLY_FILLED").SingleOrDefaultAsync(Ct));
        Assert.Equal((10m, 2m, 97.8m), (first.Quantity, first.FilledQuantity, first.AverageFillPrice));
        Assert.Equal(HttpStatusCode.OK, (await kit.Client.DeleteAsync($"/api/v1/orders/{first.OrderId}", Ct)).StatusCode);
        await kit.WaitForOrderAsync(first.OrderId, "CANCELLED");

        // Bar 2 still reaches 98 (low 97): the re-armed stop sells the 8 left at its close 97.20.
        // Realized: (97.80 - 100) x 2 + (97.20 - 100) x 8 = -4.40 - 22.40 = -26.80.
        await kit.BarAsync("ACME", 97.8m, 98m, 97m, 97.2m, 1_000_000m, start.AddMinutes(1));
        var retryId = $"{exitId}-{start.AddMinutes(2).UtcDateTime:yyyyMMddHHmm}";
        var second = await DbPolling.WaitForAsync(server, db => db.Orders.AsNoTracking()
            .Where(o => o.ClientOrderId == retryId && o.Status == "FILLED").SingleOrDefaultAsync(Ct));
        Assert.Equal((8m, 97.2m), (second.Quantity, second.AverageFillPrice));
        var closed = await DbPolling.WaitForAsync(server, db => db.AccountPositions.AsNoTracking()
            .Where(p => p.PositionId == position.PositionId && p.ClosedAt != null).SingleOrDefaultAsync(Ct));
        Assert.Equal(-26.8m, closed.RealizedPnl);
    }

    /// <summary>
    /// A trader long 10 ACME at 100 under the profile's fixed 2% stop (98), and the whole minute, after the entry, at which
    /// the test's bars start (a stop ignores bars that ended before its position opened).
    /// </summary>
    internal static async Task<(TradingKit Kit, Storage.Model.Entities.AccountPosition Position, DateTimeOffset Start)> LongTenWithFixedStopAsync(ApiServer server)
    {
        var kit = await TradingKit.StartAsync(server);
        await RiskEnforcementTests.ActivateAsync(kit, new
        {
            profileName = "Fixed 2%", maxCorrelationExposure = 1, maxSectorConcentration = 1, maxPortfolioRisk = 1, minCashPercentage = 0,
            trailingStopEnabled = false, defaultStopLossPercentage = 0.02,
        });
        var now = DateTimeOffset.UtcNow;
        var start = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero).AddMinutes(2);
        await kit.BarAsync("ACME", 100m, 100m, 100m, 100m, 1_000_000m, start.AddMinutes(-2));
        var bought = await kit.PlaceAsync(new { accountId = kit.AccountId, symbol = "ACME", side = "BUY", orderType = "MARKET", quantity = 10, timeInForce = "DAY" });
        Assert.Equal(HttpStatusCode.Created, bought.StatusCode);
        var position = await DbPolling.WaitForAsync(server, db => db.AccountPositions.AsNoTracking()
            .Where(p => p.AccountId == kit.AccountId && p.StopPrice == 98m).SingleOrDefaultAsync(Ct));
        return (kit, position, start);
    }
}
