using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.MarketData;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Integration.Tests.Trading;
using Orchestrator.Server.Risk;
using Orchestrator.Storage.MarketData;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Integration.Tests.Risk;

/// <summary>POST /risk/calculations over a position and 251 stored daily closes, checked against hand-worked figures.</summary>
public sealed class RiskCalculationsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_calculation_stores_var_es_beta_concentrations_and_exposures_worked_by_hand()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server, initialCash: 0m, permissiveRisk: false);

        // 251 closes, one 15:59 New York bar per weekday from 2025-10-01: 250 daily returns, +1% each day except
        // every 10th (days 10, 20, ..., 200), which is -2%: 20 losing days of 250.
        var closes = new List<decimal> { 100m };
        for (var t = 1; t <= 250; t++)
        {
            closes.Add(closes[^1] * (t % 10 == 0 && t <= 200 ? 0.98m : 1.01m));
        }

        var days = new List<DateOnly>();
        for (var d = new DateOnly(2025, 10, 1); days.Count < closes.Count; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days.Add(d);
            }
        }

        await server.App.Services.GetRequiredService<IBarStore>().WriteAsync(Stream(days, closes), null, Ct);
        var last = closes[^1];
        await using (var db = server.Db.CreateContext())
        {
            db.MarketSymbols.Add(new MarketSymbol { Symbol = "RSK", Exchange = "SYNTH", AssetClass = "EQUITY", Currency = "USD", Sector = "Technology", IsActive = true });
            db.AccountPositions.Add(new AccountPosition
            {
                AccountId = kit.AccountId, Symbol = "RSK", Quantity = 100m, AveragePrice = 100m, CurrentPrice = last, PositionType = "LONG",
                OpenedAt = DateTime.UtcNow,
            });
            db.AccountBalances.Add(new AccountBalance { AccountId = kit.AccountId, Currency = "USD", CashBalance = 0m, PortfolioValue = 100m * last, RecordedAt = DateTime.UtcNow.AddSeconds(1) });
            await db.SaveChangesAsync(Ct);
        }

        var response = await kit.Client.PostAsJsonAsync("/api/v1/risk/calculations", new { accountId = kit.AccountId, benchmark = "RSK" }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var row = result.GetProperty("calculation");

        // Value = 100 x last close; daily P&L = value x r. Sorted-returns VaR at 95%: k = ceil(250 x 0.05) = 13th worst P&L;
        // only 20 days lose, each -2%, so the 13th worst is -0.02 x value: VaR = 0.02 x value. ES = mean of the 13 worst = the same.
        // At 99%: k = ceil(2.5) = 3rd worst, also -2%.
        var value = 100m * last;
        Assert.Equal(value, row.GetProperty("portfolioValue").GetDecimal());
        // (Returns are compounded in double inside the calculator: agreement to a millionth of a dollar on ~1,317.)
        Near(0.02m * value, row.GetProperty("portfolioVar1d").GetDecimal());
        Near(0.02m * value, row.GetProperty("expectedShortfall").GetDecimal());
        Near(0.02m * value, result.GetProperty("report").GetProperty("at99").GetProperty("historicalVar1d").GetDecimal());
        // One position, fully invested, against itself: beta exactly 1; all exposure long; one symbol and sector at 100%.
        Assert.Equal(1m, row.GetProperty("portfolioBeta").GetDecimal());
        Assert.Equal((value, 0m, value), (row.GetProperty("longExposure").GetDecimal(), row.GetProperty("shortExposure").GetDecimal(), row.GetProperty("netExposure").GetDecimal()));
        Assert.Equal(1m, row.GetProperty("symbolConcentrations").GetProperty("RSK").GetDecimal());
        Assert.Equal(1m, row.GetProperty("sectorConcentrations").GetProperty("Technology").GetDecimal());

        var listed = await kit.GetAsync("/api/v1/risk/calculations");
        Assert.Equal(row.GetProperty("calculationId").GetGuid(), Assert.Single(listed.EnumerateArray()).GetProperty("calculationId").GetGuid());
        var someoneElse = server.Client(bearer: (await server.RegisterAndLoginAsync("nosy@example.com")).AccessToken);
        await Problems.AssertProblemAsync(
            await someoneElse.PostAsJsonAsync("/api/v1/risk/calculations", new { accountId = kit.AccountId }, Ct), HttpStatusCode.NotFound, "not-found");
        Assert.Equal(0, (await someoneElse.GetFromJsonAsync<JsonElement>("/api/v1/risk/calculations", Ct)).GetArrayLength());

        // The schedule's round: only the holder of an open position gets one, user-level (no account), with the same figures.
        Assert.Equal(1, await server.App.Services.GetRequiredService<ScheduledRiskCalculations>().RunOnceAsync(Ct));
        var scheduled = (await kit.GetAsync("/api/v1/risk/calculations")).EnumerateArray().First();
        Assert.Equal(JsonValueKind.Null, scheduled.GetProperty("accountId").ValueKind);
        Near(0.02m * value, scheduled.GetProperty("portfolioVar1d").GetDecimal());

        // The user-level calculation raised one alert: Technology is 100% of the book against the default 0.30 sector
        // limit (utilization 1 / 0.30 = 3.333..., so 2.333333 past it); the single long is 1 of 20 (0.05: nothing).
        var alert = Assert.Single((await kit.GetAsync("/api/v1/risk/alerts?unresolved=true")).EnumerateArray());
        Assert.Equal(("SECTOR_CONCENTRATION", "HIGH", 1m, 0.30m, 2.333333m),
            (alert.GetProperty("alertType").GetString(), alert.GetProperty("severity").GetString(), alert.GetProperty("currentValue").GetDecimal(),
             alert.GetProperty("thresholdValue").GetDecimal(), alert.GetProperty("violationPercentage").GetDecimal()));
        // The condition persists: another round raises no duplicate.
        await server.App.Services.GetRequiredService<ScheduledRiskCalculations>().RunOnceAsync(Ct);
        Assert.Single((await kit.GetAsync("/api/v1/risk/alerts")).EnumerateArray());
        var alertId = alert.GetProperty("alertId").GetGuid();
        Assert.True((await (await kit.Client.PostAsync($"/api/v1/risk/alerts/{alertId}/acknowledge", null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct))
            .GetProperty("isAcknowledged").GetBoolean());
        var unnamed = await kit.Client.PostAsJsonAsync($"/api/v1/risk/alerts/{alertId}/resolve", new { action = " " }, Ct);
        Assert.True((await Problems.AssertProblemAsync(unnamed, HttpStatusCode.UnprocessableEntity, "validation")).GetProperty("errors").TryGetProperty("action", out _));
        var resolved = await (await kit.Client.PostAsJsonAsync($"/api/v1/risk/alerts/{alertId}/resolve", new { action = "accepted: single-stock test book" }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("accepted: single-stock test book", resolved.GetProperty("resolutionAction").GetString());
        Assert.Equal(0, (await kit.GetAsync("/api/v1/risk/alerts?unresolved=true")).GetArrayLength());
        await Problems.AssertProblemAsync(await someoneElse.PostAsync($"/api/v1/risk/alerts/{alertId}/acknowledge", null, Ct), HttpStatusCode.NotFound, "not-found");
    }

    private static void Near(decimal expected, decimal actual) => Assert.InRange(actual, expected - 0.00001m, expected + 0.00001m);

    private static async IAsyncEnumerable<StoredBar> Stream(List<DateOnly> days, List<decimal> closes)
    {
        for (var i = 0; i < closes.Count; i++)
        {
            // 15:59 New York is 20:59 UTC in winter and 19:59 UTC in summer: take the session close minus one minute.
            var close = TradingHours.UsEquities.SessionClose(new DateTimeOffset(days[i].ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero))!.Value;
            var c = closes[i];
            yield return new StoredBar(new Bar("RSK", close.AddMinutes(-1), TimeSpan.FromMinutes(1), c, c, c, c, 1_000m));
        }

        await Task.CompletedTask;
    }
}
