using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.MarketData;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Integration.Tests.Trading;
using Orchestrator.Server.Orchestration;
using Orchestrator.Server.Trading;

namespace Orchestrator.Integration.Tests.Orchestration;

/// <summary>Runs user strategies on a server: makes them active on an account, feeds bars in lockstep, reads their orders.</summary>
public static class RunnerKit
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// One synthetic New York session of 1-minute bars (9:30 to 16:00 on Friday 2026-11-20, 14:30 to 21:00 UTC): a
    /// seeded random walk in cents from <paramref name="start"/>, each bar opening at the previous close.
    /// </summary>
    public static IReadOnlyList<Bar> Session(string symbol, int seed, decimal start = 100m, int minutes = 390)
    {
        var random = new Random(seed);
        var open = new DateTimeOffset(2026, 11, 20, 14, 30, 0, TimeSpan.Zero);
        var bars = new List<Bar>(minutes);
        var price = start;
        for (var i = 0; i < minutes; i++)
        {
            var close = Math.Max(1m, price + (random.Next(-20, 21) / 100m));
            bars.Add(new Bar(symbol, open.AddMinutes(i), TimeSpan.FromMinutes(1), price, Math.Max(price, close) + 0.05m, Math.Min(price, close) - 0.05m, close, 100_000m));
            price = close;
        }

        return bars;
    }

    /// <summary>Creates a strategy from a template through the API and returns its id.</summary>
    public static async Task<Guid> CreateAsync(TradingKit kit, string template, string name, object parameters)
    {
        var response = await kit.Client.PostAsJsonAsync("/api/v1/strategies", new { template, name, parameters }, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("strategyId").GetGuid();
    }

    /// <summary>Makes the strategy active on the account and symbols, and starts it in the server's runner.</summary>
    public static async Task StartAsync(ApiServer server, Guid strategyId, Guid accountId, params string[] symbols)
    {
        await using (var db = server.Db.CreateContext())
        {
            var instance = await db.UserStrategies.SingleAsync(u => u.UserStrategyId == strategyId, Ct);
            instance.IsActive = true;
            instance.AccountId = accountId;
            instance.Symbols = JsonSerializer.Serialize(symbols);
            (await db.Strategies.SingleAsync(s => s.StrategyId == strategyId, Ct)).IsActive = true;
            await db.SaveChangesAsync(Ct);
        }

        Assert.Null(await Runner(server).StartAsync(strategyId, Ct));
    }

    public static StrategyRunner Runner(ApiServer server) => server.App.Services.GetRequiredService<StrategyRunner>();

    /// <summary>
    /// Publishes the bars through the market feed one at a time, each only once every running strategy in
    /// <paramref name="strategies"/> has finished the previous one (routed its signals), as a replay at any speed
    /// that the loop keeps up with would. A strategy that stops running (disabled) is no longer waited for.
    /// </summary>
    public static async Task PlayAsync(ApiServer server, IEnumerable<Bar> bars, params Guid[] strategies)
    {
        var feed = server.App.Services.GetRequiredService<MarketFeed>();
        var runner = Runner(server);
        var expected = strategies.ToDictionary(id => id, id => runner.BarsHandled(id) ?? 0L);
        foreach (var bar in bars)
        {
            await feed.PublishAsync(bar, Ct);
            foreach (var id in strategies.Where(id => runner.BarsHandled(id) is not null && Trades(runner, id, bar)))
            {
                expected[id]++;
            }

            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (strategies.Any(id => runner.BarsHandled(id) is { } handled && handled < expected[id]))
            {
                Assert.True(DateTime.UtcNow < deadline, $"a strategy did not finish the bar of {bar.Symbol} at {bar.Start:O}");
                await Task.Delay(1, Ct);
            }
        }
    }

    /// <summary>The strategy's orders from signals (client id sig-…) with their signal's market time, in time order.</summary>
    public static async Task<List<(DateTimeOffset Time, string Symbol, string Side, decimal Quantity, decimal Filled, decimal? Price, decimal? Fees, string Status)>> OrdersAsync(
        ApiServer server, Guid strategyId)
    {
        await using var db = server.Db.CreateContext();
        var rows = await (from o in db.Orders.AsNoTracking()
                          where o.StrategyId == strategyId
                          select new { o.ClientOrderId, o.Symbol, o.Side, o.Quantity, o.FilledQuantity, o.AverageFillPrice, o.Commission, o.Status }).ToListAsync(Ct);
        var signals = await db.TradingSignals.AsNoTracking().Where(s => s.StrategyId == strategyId).ToDictionaryAsync(s => StrategySignal.ClientOrderIdOf(s.SignalId), Ct);
        return rows.Select(o => (JsonDocument.Parse(signals[o.ClientOrderId!].MarketConditions!).RootElement.GetProperty("time").GetDateTimeOffset(),
                o.Symbol, o.Side, o.Quantity, o.FilledQuantity ?? 0m, o.AverageFillPrice, o.Commission, o.Status))
            .OrderBy(o => o.Item1).ToList();
    }

    private static bool Trades(StrategyRunner runner, Guid strategyId, in Bar bar) => runner.SymbolsOf(strategyId)?.Contains(bar.Symbol) == true;
}
