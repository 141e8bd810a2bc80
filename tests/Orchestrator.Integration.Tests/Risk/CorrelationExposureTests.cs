using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.MarketData;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Integration.Tests.Trading;
using Orchestrator.Server.Risk;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.MarketData;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Integration.Tests.Risk;

/// <summary>
/// max_correlation_exposure counts the held positions whose 60-day returns move with the order's symbol, estimated
/// from the stored bars, in the order path and in the dry run alike.
/// </summary>
public sealed class CorrelationExposureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <remarks>
    /// <code>
    /// Bars: one a weekday for the 90 calendar days before today (New York): about 64 closes, so the last 60 returns.
    /// TWNB's price is always half TWNA's: the same returns, ρ = 1. LONE's returns are drawn on their own: |ρ| &lt; 0.7.
    /// The account: 200 TWNA long at a mark of 100 and 80,000 cash: equity 100,000, gross 20,000.
    /// The profile: max_correlation_exposure 0.30 (the other limits out of the way).
    /// A limit buy of q TWNB at 100: its projected exposure 100q, plus TWNA's 20,000 (a long beside a long, ρ = 1 &gt; 0.7);
    /// the portfolio after = max(gross 20,000 + 100q, equity 100,000) = 100,000 (q ≤ 800). Limit: 0.30 × 100,000 = 30,000.
    ///   q = 100: 10,000 + 20,000 = 30,000, share 0.30, not above: passes.
    ///   q = 101: 10,100 + 20,000 = 30,100, share 0.301: refused, value 0.301, threshold 0.30.
    /// 101 LONE at 100: nothing moves with it, 10,100 / 100,000 = 0.101: passes (as TWNB 101 did before correlations).
    /// </code>
    /// </remarks>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_position_moving_with_the_order_counts_toward_the_limit_and_an_independent_one_does_not(DatabaseProvider provider)
    {
        await using var server = await ApiServer.StartAsync(provider);
        var kit = await TradingKit.StartAsync(server, permissiveRisk: false);
        await server.App.Services.GetRequiredService<IBarStore>().WriteAsync(DailyBars(DateTimeOffset.UtcNow), null, Ct);
        await HoldAsync(server, kit, "TWNA", 200m, 100m, cash: 80_000m);
        await ActivateAsync(kit, new
        {
            profileName = "Correlated", maxCorrelationExposure = 0.30, maxSectorConcentration = 1, maxPortfolioRisk = 1, minCashPercentage = 0,
        });

        // The estimate itself: TWNB moves with TWNA, LONE with neither.
        var matrix = await server.App.Services.GetRequiredService<CorrelationEstimates>().TryEstimateAsync(["TWNA", "TWNB", "LONE"], DateTimeOffset.UtcNow, Ct);
        var twin = Assert.Single(matrix!.CorrelatedWith("TWNA").ToArray());
        Assert.Equal("TWNB", twin.Symbol);
        Assert.Equal(1.0, twin.Rho, 1e-9);
        Assert.Equal(0, matrix.CorrelatedWith("LONE").Length);

        // The dry run, then the order path: the same answers.
        var under = await CheckAsync(kit, "TWNB", 100);
        Assert.True(under.GetProperty("wouldPass").GetBoolean(), under.ToString());
        var over = await CheckAsync(kit, "TWNB", 101);
        Assert.Equal((false, "max_correlation_exposure", 0.301m, 0.30m),
            (over.GetProperty("wouldPass").GetBoolean(), over.GetProperty("limit").GetString(), over.GetProperty("value").GetDecimal(),
             over.GetProperty("threshold").GetDecimal()));
        Assert.True((await CheckAsync(kit, "LONE", 101)).GetProperty("wouldPass").GetBoolean());

        var refused = await Problems.AssertProblemAsync(await kit.PlaceAsync(Limit(kit, "TWNB", 101)), HttpStatusCode.UnprocessableEntity, "order-rejected");
        Assert.Equal(("max_correlation_exposure", 0.301m, 0.30m),
            (refused.GetProperty("limit").GetString(), refused.GetProperty("value").GetDecimal(), refused.GetProperty("threshold").GetDecimal()));
        await using (var db = server.Db.CreateContext())
        {
            var reason = await db.Orders.AsNoTracking().Where(o => o.AccountId == kit.AccountId && o.Status == "REJECTED").Select(o => o.RejectionReason).SingleAsync(Ct);
            Assert.Equal("max_correlation_exposure: TWNB and 1 position correlated with it above 0.70 would be 0.3010 of the portfolio, above the limit 0.3000", reason);
        }

        Assert.Equal(HttpStatusCode.Created, (await kit.PlaceAsync(Limit(kit, "TWNB", 100))).StatusCode);
        // A working order is not a position: it moves nothing with LONE, which counts alone.
        Assert.Equal(HttpStatusCode.Created, (await kit.PlaceAsync(Limit(kit, "LONE", 101))).StatusCode);
    }

    /// <summary>
    /// One 1-minute bar at 18:00 UTC (13:00 or 14:00 in New York: the same date) each weekday of the 90 calendar days
    /// before <paramref name="now"/>'s New York date. TWNA walks ±2% a day from 100 (4 decimals), TWNB is exactly half
    /// of it, LONE walks on its own draws.
    /// </summary>
    private static async IAsyncEnumerable<StoredBar> DailyBars(DateTimeOffset now)
    {
        var today = TradingHours.UsEquities.TradingDay(now);
        var (twin, lone) = (new Random(20260101), new Random(7));
        var (a, c) = (100m, 100m);
        for (var day = today.AddDays(-90); day < today; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            a = Math.Round(a * (1m + Step(twin)), 4);
            c = Math.Round(c * (1m + Step(lone)), 4);
            var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero);
            yield return Bar("TWNA", at, a);
            yield return Bar("TWNB", at, a / 2m);
            yield return Bar("LONE", at, c);
        }

        await Task.CompletedTask;
    }

    /// <summary>A daily return in [−2%, +2%], in basis points.</summary>
    private static decimal Step(Random random) => random.Next(-200, 201) / 10_000m;

    private static StoredBar Bar(string symbol, DateTimeOffset at, decimal close) =>
        new(new Bar(symbol, at, TimeSpan.FromMinutes(1), close, close, close, close, 1_000m));

    /// <summary>A held position and the cash beside it, stored before the account's writer first loads the account.</summary>
    private static async Task HoldAsync(ApiServer server, TradingKit kit, string symbol, decimal quantity, decimal mark, decimal cash)
    {
        await using var db = server.Db.CreateContext();
        db.AccountPositions.Add(new AccountPosition
        {
            AccountId = kit.AccountId, Symbol = symbol, Quantity = quantity, AveragePrice = mark, CurrentPrice = mark, PositionType = "LONG", OpenedAt = DateTime.UtcNow,
        });
        db.AccountBalances.Add(new AccountBalance
        {
            AccountId = kit.AccountId, Currency = "USD", CashBalance = cash, PortfolioValue = cash + quantity * mark, RecordedAt = DateTime.UtcNow.AddSeconds(1),
        });
        await db.SaveChangesAsync(Ct);
    }

    private static async Task<JsonElement> CheckAsync(TradingKit kit, string symbol, int quantity)
    {
        var response = await kit.Client.PostAsJsonAsync("/api/v1/risk/check", Limit(kit, symbol, quantity), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static object Limit(TradingKit kit, string symbol, int quantity) =>
        new { accountId = kit.AccountId, symbol, side = "BUY", orderType = "LIMIT", quantity, limitPrice = 100, timeInForce = "GTC" };

    private static async Task ActivateAsync(TradingKit kit, object profile)
    {
        var created = await kit.Client.PostAsJsonAsync("/api/v1/risk/profiles", profile, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("profileId").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await kit.Client.PostAsync($"/api/v1/risk/profiles/{id}/activate", null, Ct)).StatusCode);
    }
}
