using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.MarketData;
using Orchestrator.Integration.Tests.Risk;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Integration.Tests.Trading;
using Orchestrator.Server.MarketData.Live;
using Orchestrator.Server.Trading;
using Orchestrator.Storage.MarketData;

namespace Orchestrator.Integration.Tests.MarketData;

/// <summary>
/// Once the replay feed has played a symbol's stored bars, the paper exchange's clock in that symbol is the replayed
/// market's: an order placed then fills at the replayed time, its position's protective stop meets the replayed bars
/// that follow, and a DAY order belongs to the replayed session: the wall clock does not expire it, the symbol's next
/// live bar (a week later) does.
/// </summary>
public sealed class ReplayClockTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Orders_placed_during_a_replay_live_on_the_replayed_day()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server);
        await RiskEnforcementTests.ActivateAsync(kit, new
        {
            profileName = "Fixed 2%", maxCorrelationExposure = 1, maxSectorConcentration = 1, maxPortfolioRisk = 1, minCashPercentage = 0,
            trailingStopEnabled = false, defaultStopLossPercentage = 0.02,
        });
        // Friday 2026-11-20, 9:30 New York (14:30 UTC), a week before this test's date: three minutes of ACME.
        var t0 = new DateTimeOffset(2026, 11, 20, 14, 30, 0, TimeSpan.Zero);
        await server.App.Services.GetRequiredService<IBarStore>().WriteAsync(StoredBars.Of(
            new Bar("ACME", t0, TimeSpan.FromMinutes(1), 100m, 100m, 100m, 100m, 100_000m),
            new Bar("ACME", t0.AddMinutes(1), TimeSpan.FromMinutes(1), 100m, 100.8m, 99.5m, 100.5m, 100_000m),
            new Bar("ACME", t0.AddMinutes(2), TimeSpan.FromMinutes(1), 100.5m, 100.5m, 97m, 97.5m, 100_000m)), null, Ct);
        var paper = server.App.Services.GetRequiredService<PaperBroker>();
        var replay = server.App.Services.GetRequiredService<ReplayFeed>();

        // The replay plays the first bar, the orders go in, then it plays the other two: in two parts, so a slow
        // machine cannot let the second bar in before the orders (a pace-based gap between the bars could).
        Assert.Equal(1, await replay.PlayAsync(["ACME"], t0, t0.AddMinutes(1), 0, Ct));
        while (paper.LastPrice("ACME") != 100m)
        {
            await Task.Delay(5, Ct);
        }

        Assert.True(paper.IsReplayed("ACME"));
        var bought = await PlaceAsync(kit, new { accountId = kit.AccountId, symbol = "ACME", side = "BUY", orderType = "MARKET", quantity = 10, timeInForce = "DAY" });
        var day = await PlaceAsync(kit, new { accountId = kit.AccountId, symbol = "ACME", side = "BUY", orderType = "LIMIT", quantity = 1, limitPrice = 90, timeInForce = "DAY" });
        await kit.WaitForOrderAsync(bought, "FILLED");
        Assert.Equal(2, await replay.PlayAsync(["ACME"], t0.AddMinutes(1), t0.AddMinutes(3), 30, Ct));

        // The buy filled on submission at the last close, 100, at the replayed time: the first bar's end, 14:31.
        var fill = Assert.Single((await kit.GetAsync($"/api/v1/orders/{bought}/fills")).EnumerateArray());
        Assert.Equal((100m, t0.AddMinutes(1)), (fill.GetProperty("price").GetDecimal(), fill.GetProperty("exchangeTime").GetDateTimeOffset()));

        // Its position (opened 14:31, stop 98) met the replayed bars after it: the third bar's low 97 reached the stop,
        // and the exit sold 10 at that bar's close 97.50 at 14:33: realized (97.50 - 100) x 10 = -25.
        var closed = await DbPolling.WaitForAsync(server, db => db.AccountPositions.AsNoTracking()
            .Where(p => p.AccountId == kit.AccountId && p.ClosedAt != null).SingleOrDefaultAsync(Ct));
        Assert.Equal((t0.AddMinutes(1).UtcDateTime, -25m), (closed.OpenedAt, closed.RealizedPnl));
        var exit = await DbPolling.WaitForAsync(server, db => db.Orders.AsNoTracking()
            .Where(o => o.ClientOrderId == $"stop-loss-{closed.PositionId:N}" && o.Status == "FILLED").SingleOrDefaultAsync(Ct));
        Assert.Equal(t0.AddMinutes(3).UtcDateTime, exit.FilledAt);

        // The DAY order belongs to Friday's session, whose clock stopped at 14:33 with the replay: the wall clock (a week
        // later, ticking every second) leaves it working.
        await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);
        Assert.Equal("NEW", (await kit.GetAsync($"/api/v1/orders/{day}")).GetProperty("status").GetString());
        Assert.True(paper.IsReplayed("ACME"));

        // A live bar of ACME gives the symbol the wall clock back: Friday's session is long over, the order expires.
        await kit.BarAsync("ACME", 100m, 100m, 100m, 100m, 100_000m);
        Assert.False(paper.IsReplayed("ACME"));
        await kit.WaitForOrderAsync(day, "EXPIRED");
    }

    private static async Task<Guid> PlaceAsync(TradingKit kit, object order)
    {
        var response = await kit.PlaceAsync(order);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("orderId").GetGuid();
    }
}
