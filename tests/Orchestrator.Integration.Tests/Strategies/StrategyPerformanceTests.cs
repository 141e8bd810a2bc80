using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Server.Strategies;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Integration.Tests.Strategies;

/// <summary>Per-strategy performance, recomputed from executions reached through their signals (NOTES.md defect 12).</summary>
public sealed class StrategyPerformanceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Refresh_writes_the_hand_worked_figures_to_strategies_and_user_strategies(DatabaseProvider provider)
    {
        await using var server = await ApiServer.StartAsync(provider);
        var kit = await StrategyKit.StartAsync(server);
        var id = (await kit.CreateAsync(new { template = "buy-and-hold", name = "Tracked", backtestConfig = new { initial_capital = 50000 } }))
            .GetProperty("strategyId").GetGuid();
        var other = (await kit.CreateAsync(new { template = "buy-and-hold", name = "Other" })).GetProperty("strategyId").GetGuid();

        var start = new DateTime(2026, 3, 2, 15, 0, 0, DateTimeKind.Utc);
        await using (var db = server.Db.CreateContext())
        {
            var account = new UserBrokerAccount { UserId = kit.User.UserId, BrokerId = "paper", BrokerAccountId = "PERF-1" };
            db.UserBrokerAccounts.Add(account);
            var minute = 0;
            void Execution(Guid strategyId, string type, decimal? pnl, decimal? pnlPercentage)
            {
                var at = start.AddMinutes(minute++);
                var order = Rows.Order(account, at, "ACME");
                order.Status = "FILLED";
                var signal = new TradingSignal { StrategyId = strategyId, Symbol = "ACME", SignalType = pnl is null ? "BUY" : "CLOSE", Status = "EXECUTED", CreatedAt = at };
                db.AddRange(order, signal, new StrategyExecution
                {
                    SignalId = signal.SignalId, OrderId = order.OrderId, OrderSubmittedAt = order.SubmittedAt, ExecutionType = type,
                    ExecutionPrice = 100m, ExecutionQuantity = 10m, Pnl = pnl, PnlPercentage = pnlPercentage, CreatedAt = at,
                });
            }

            // Entries (no P&L) are not trades; four exits in time order; another strategy's exit is not ours.
            Execution(id, "ENTRY", null, null);
            Execution(id, "EXIT", 1000m, 0.02m);
            Execution(other, "EXIT", 99_999m, 0.5m);
            Execution(id, "ENTRY", null, null);
            Execution(id, "EXIT", -3000m, -0.03m);
            Execution(id, "EXIT", 500m, 0.01m);
            Execution(id, "EXIT", 4000m, 0.04m);
            Execution(id, "ADJUSTMENT", null, null);
            await db.SaveChangesAsync(Ct);
        }

        using (var scope = server.App.Services.CreateScope())
        {
            var statistics = await scope.ServiceProvider.GetRequiredService<StrategyPerformance>().RefreshAsync(id, Ct);
            Assert.NotNull(statistics);
            // Refreshing again from the same executions changes nothing.
            Assert.Equal(statistics, await scope.ServiceProvider.GetRequiredService<StrategyPerformance>().RefreshAsync(id, Ct));
            Assert.Null(await scope.ServiceProvider.GetRequiredService<StrategyPerformance>().RefreshAsync(Guid.NewGuid(), Ct));
        }

        // Exits +1000 (2%), -3000 (-3%), +500 (1%), +4000 (4%) on 50,000 of capital:
        //   trades 4, winners 3, win rate 3/4 = 0.75, total P&L 2,500.
        //   equity 50,000 → 51,000 (peak) → 48,000 → 48,500 → 52,500: deepest fall 3,000 from 51,000 = 0.058823… → 0.0588.
        //   returns 0.02, -0.03, 0.01, 0.04: mean 0.01, squared deviations 0.0001 + 0.0016 + 0 + 0.0009 = 0.0026,
        //   sample variance 0.0026 / 3 = 0.00086667, s = 0.0294392; Sharpe = 0.01 / 0.0294392 × √252 = 5.3923.
        //   last run: the newest execution, the adjustment at 15:07.
        var (strategy, instance, _) = await kit.RowsAsync(id);
        Assert.Equal(4, strategy!.TotalTrades);
        Assert.Equal(3, strategy.WinningTrades);
        Assert.Equal(2500m, strategy.TotalPnl);
        Assert.Equal(0.0588m, strategy.MaxDrawdown);
        Assert.Equal(5.3923m, strategy.SharpeRatio);
        Assert.Equal(start.AddMinutes(7), strategy.LastRunAt);
        Assert.Equal(4, instance!.TotalTrades);
        Assert.Equal(2500m, instance.TotalPnl);
        Assert.Equal(0.75m, instance.WinRate);
        Assert.Equal(0.0588m, instance.MaxDrawdown);
        Assert.Equal(start.AddMinutes(7), instance.LastRunAt);

        var view = await kit.GetAsync($"/api/v1/strategies/{id}");
        var performance = view.GetProperty("performance");
        Assert.Equal(4, performance.GetProperty("totalTrades").GetInt32());
        Assert.Equal(0.75m, performance.GetProperty("winRate").GetDecimal());
        Assert.Equal(5.3923m, performance.GetProperty("sharpeRatio").GetDecimal());

        // The other strategy was not refreshed and is untouched.
        Assert.Equal(0, (await kit.RowsAsync(other)).Strategy!.TotalTrades);
        await kit.AssertConsistentAsync(id);
        await using (var db = server.Db.CreateContext())
        {
            Assert.Equal(0, await db.AuditLog.CountAsync(a => a.ResourceId == id.ToString() && a.Action != "STRATEGY_CREATED", Ct));
        }
    }
}
