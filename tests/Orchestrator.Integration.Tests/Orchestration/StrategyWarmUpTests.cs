using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.MarketData;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Integration.Tests.Trading;
using Orchestrator.Storage.MarketData;

namespace Orchestrator.Integration.Tests.Orchestration;

/// <summary>A starting strategy first sees its symbols' stored history, so it trades from its first live bar.</summary>
public sealed class StrategyWarmUpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_crossover_warmed_up_on_stored_bars_signals_on_its_first_live_bar()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server);
        var open = new DateTimeOffset(2026, 11, 20, 14, 30, 0, TimeSpan.Zero);

        // Stored history: 30 minutes falling by 1 from 130 to 101. The 5/20 SMAs are ready from the 20th bar with the fast
        // one below the slow one, and they never cross while prices fall: the warm-up emits nothing.
        await server.App.Services.GetRequiredService<IBarStore>().WriteAsync(History(open), null, Ct);
        var strategyId = await RunnerKit.CreateAsync(kit, "ma-crossover", "Warm", new
        {
            moving_averages = new { short_period = 5, long_period = 20 },
            risk_management = new { stop_loss_percentage = 0, take_profit_percentage = 0 },
        });
        await RunnerKit.StartAsync(server, strategyId, kit.AccountId, "WARM");

        // The first live bar closes at 200: SMA5 = (104 + 103 + 102 + 101 + 200) / 5 = 122 and SMA20 = (119 + ... + 101 +
        // 200) / 20 = (2,090 + 200) / 20 = 114.50, so the fast average crosses above: BUY. Without the warm-up the
        // averages would hold one bar and stay silent for 19 more. Size: allocation 0.1 of 100,000 = 10,000 budget;
        // floor(10,000 / 200) = 50 shares cost 10,000 + 1.00 commission, over budget, so 49.
        await RunnerKit.PlayAsync(server, [new Bar("WARM", open.AddMinutes(30), TimeSpan.FromMinutes(1), 101m, 200m, 101m, 200m, 1_000_000m)], strategyId);

        var orders = await RunnerKit.OrdersAsync(server, strategyId);
        var order = Assert.Single(orders);
        Assert.Equal((open.AddMinutes(31), "BUY", 49m, 49m, (decimal?)200m, "FILLED"), (order.Time, order.Side, order.Quantity, order.Filled, order.Price, order.Status));
        await using var db = server.Db.CreateContext();
        Assert.Equal(1, await db.TradingSignals.CountAsync(s => s.StrategyId == strategyId, Ct));
    }

    private static async IAsyncEnumerable<StoredBar> History(DateTimeOffset open)
    {
        for (var i = 0; i < 30; i++)
        {
            var close = 130m - i;
            yield return new StoredBar(new Bar("WARM", open.AddMinutes(i), TimeSpan.FromMinutes(1), close + 1m, close + 1m, close, close, 1_000_000m));
        }

        await Task.CompletedTask;
    }
}
