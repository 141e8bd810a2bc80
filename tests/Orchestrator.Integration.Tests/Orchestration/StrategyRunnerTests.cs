using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.Backtesting;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Matching.Fees;
using Orchestrator.Domain.Matching.Slippage;
using Orchestrator.Domain.Orders;
using Orchestrator.Domain.Strategies;
using Orchestrator.Domain.Strategies.Parameters;
using Orchestrator.Domain.Strategies.Templates;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Integration.Tests.Trading;
using Orchestrator.Server.Orchestration;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Integration.Tests.Orchestration;

/// <summary>User strategies running live on the market feed: the backtester's trades, isolation, and the kill switch.</summary>
public sealed class StrategyRunnerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Fast crossover, no proposed stop or target (the backtester places none), long and short.</summary>
    private static readonly object Crossover = new
    {
        moving_averages = new { short_period = 5, long_period = 20 },
        risk_management = new { stop_loss_percentage = 0, take_profit_percentage = 0 },
        allow_short = true,
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_crossover_run_live_on_replayed_bars_makes_exactly_the_backtesters_trades(DatabaseProvider provider)
    {
        await using var server = await ApiServer.StartAsync(provider);
        var kit = await TradingKit.StartAsync(server);
        var bars = RunnerKit.Session("PARI", seed: 7);
        var strategyId = await RunnerKit.CreateAsync(kit, "ma-crossover", "Parity", Crossover);
        await RunnerKit.StartAsync(server, strategyId, kit.AccountId, "PARI");

        await RunnerKit.PlayAsync(server, bars, strategyId);

        // The expectation is the backtester's, over the same bars with the server's own trading settings (per-share
        // commission 0.005 with a 1.00 minimum, no slippage, 25% participation, a cash account, 100,000).
        var result = BacktestResult(bars, Crossover);
        var expected = Orders(result);
        var live = await RunnerKit.OrdersAsync(server, strategyId);
        Assert.True(expected.Count >= 10, $"the synthetic session should make the crossover trade; it made {expected.Count} orders");
        Assert.Equal(expected, live.Select(o => (o.Time, o.Side, o.Quantity, o.Filled, o.Price, o.Fees, o.Status)).ToList());

        // Every fill wrote its strategy_executions row as the backtester records it (type, price, quantity, P&L).
        await using var db = server.Db.CreateContext();
        var executions = await (from e in db.StrategyExecutions.AsNoTracking()
                                join s in db.TradingSignals.AsNoTracking() on e.SignalId equals s.SignalId
                                where s.StrategyId == strategyId
                                orderby e.CreatedAt, e.ExecutionId
                                select new { e.ExecutionType, e.ExecutionPrice, e.ExecutionQuantity, e.Pnl }).ToListAsync(Ct);
        Assert.Equal(result.Executions.Select(e => (e.Type.ToString().ToUpperInvariant(), e.Price, e.Quantity, e.ProfitLoss is { } p ? decimal.Round(p, 8) : (decimal?)null)),
            executions.Select(e => (e.ExecutionType, e.ExecutionPrice, e.ExecutionQuantity, e.Pnl)));

        // The performance columns follow (recomputed every 2 s): trades are the executions that closed something.
        var closed = result.Executions.Where(e => e.ProfitLoss is not null).ToList();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        Orchestrator.Storage.Model.Entities.Strategy row;
        do
        {
            await Task.Delay(100, Ct);
            await using var check = server.Db.CreateContext();
            row = await check.Strategies.AsNoTracking().SingleAsync(s => s.StrategyId == strategyId, Ct);
        }
        while (row.TotalTrades != closed.Count && DateTime.UtcNow < deadline);
        Assert.Equal((closed.Count, closed.Count(e => e.ProfitLoss > 0m), decimal.Round(closed.Sum(e => e.ProfitLoss!.Value), 8)),
            (row.TotalTrades, row.WinningTrades, row.TotalPnl));
        Assert.NotNull(row.LastRunAt);
    }

    [Fact]
    public async Task A_strategy_that_throws_on_its_third_bar_is_disabled_alone_and_the_others_finish_with_their_trades()
    {
        await using var server = await ApiServer.StartAsync(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite), ownsDatabase: true,
            services => services.AddSingleton(ThrowsOnThirdBar.Template));
        var first = await TradingKit.StartAsync(server, "first@example.com");
        var second = await TradingKit.StartAsync(server, "second@example.com");
        var (a, b) = (RunnerKit.Session("ISOA", seed: 11), RunnerKit.Session("ISOB", seed: 12, start: 50m));
        var good1 = await RunnerKit.CreateAsync(first, "ma-crossover", "Good one", Crossover);
        var good2 = await RunnerKit.CreateAsync(second, "ma-crossover", "Good two", Crossover);
        var bad = await ThrowsOnThirdBar.CreateAsync(server, first.User.UserId);
        await RunnerKit.StartAsync(server, good1, first.AccountId, "ISOA");
        await RunnerKit.StartAsync(server, bad, first.AccountId, "ISOA");
        await RunnerKit.StartAsync(server, good2, second.AccountId, "ISOB");

        // Both symbols' bars, interleaved minute by minute as a feed delivers them.
        var interleaved = a.Zip(b).SelectMany(pair => new[] { pair.First, pair.Second }).ToList();
        await RunnerKit.PlayAsync(server, interleaved, good1, good2, bad);

        await using var db = server.Db.CreateContext();
        var failed = await db.UserStrategies.AsNoTracking().SingleAsync(u => u.UserStrategyId == bad, Ct);
        Assert.Equal((StrategyRunStates.Disabled, false), (failed.RunState, failed.IsActive));
        Assert.Equal("the strategy threw InvalidOperationException on bar 3: the third bar", failed.RunStateReason);
        var alert = await db.RiskAlerts.AsNoTracking().SingleAsync(r => r.UserId == first.User.UserId && r.AlertType == "STRATEGY_FAILURE", Ct);
        Assert.Equal(("HIGH", "Strategy Throws disabled"), (alert.Severity, alert.Title));
        // Two state changes audited: RUNNING when it started, DISABLED when it threw.
        var audited = await db.AuditLog.AsNoTracking().Where(e => e.ResourceId == bad.ToString() && e.Action == "STRATEGY_RUN_STATE")
            .OrderBy(e => e.CreatedAt).Select(e => e.NewValues).ToListAsync(Ct);
        Assert.Collection(audited, started => Assert.Contains("RUNNING", started, StringComparison.Ordinal), disabled => Assert.Contains("DISABLED", disabled, StringComparison.Ordinal));

        foreach (var (id, bars) in new[] { (good1, a), (good2, b) })
        {
            var live = await RunnerKit.OrdersAsync(server, id);
            Assert.Equal(Backtest(bars, Crossover), live.Select(o => (o.Time, o.Side, o.Quantity, o.Filled, o.Price, o.Fees, o.Status)).ToList());
            Assert.Equal(StrategyRunStates.Running, (await db.UserStrategies.AsNoTracking().SingleAsync(u => u.UserStrategyId == id, Ct)).RunState);
        }
    }

    [Fact]
    public async Task A_users_kill_switch_stops_that_users_strategies_only_and_resuming_starts_them_again()
    {
        await using var server = await ApiServer.StartAsync();
        var first = await TradingKit.StartAsync(server, "first@example.com");
        var second = await TradingKit.StartAsync(server, "second@example.com");
        var mine = await RunnerKit.CreateAsync(first, "ma-crossover", "Mine", Crossover);
        var theirs = await RunnerKit.CreateAsync(second, "ma-crossover", "Theirs", Crossover);
        await RunnerKit.StartAsync(server, mine, first.AccountId, "KSA");
        await RunnerKit.StartAsync(server, theirs, second.AccountId, "KSA");
        var runner = RunnerKit.Runner(server);

        Assert.Equal(HttpStatusCode.OK, (await first.Client.PutAsJsonAsync("/api/v1/risk/state", new { state = "HALTED", reason = "enough" }, Ct)).StatusCode);
        // The unit leaves the runner first, then its state is stored: wait for both.
        await WaitAsync(async () => !runner.Running.Contains(mine) && await StateAsync(server, mine) == StrategyRunStates.Halted);
        Assert.Contains(theirs, runner.Running);
        Assert.Equal(StrategyRunStates.Running, await StateAsync(server, theirs));

        Assert.Equal(HttpStatusCode.OK, (await first.Client.PutAsJsonAsync("/api/v1/risk/state", new { state = "ACTIVE", reason = "back" }, Ct)).StatusCode);
        await WaitAsync(async () => runner.Running.Contains(mine) && await StateAsync(server, mine) == StrategyRunStates.Running);
    }

    /// <summary>The backtester's orders over the bars, in the shape <see cref="RunnerKit.OrdersAsync"/> reads the live ones.</summary>
    private static List<(DateTimeOffset, string, decimal, decimal, decimal?, decimal?, string)> Backtest(IReadOnlyList<Bar> bars, object parameters) =>
        Orders(BacktestResult(bars, parameters));

    private static List<(DateTimeOffset, string, decimal, decimal, decimal?, decimal?, string)> Orders(BacktestResult result) =>
        result.Orders.Select(o => (o.SubmittedAt, o.Side.ToSeedName(), o.Quantity, o.FilledQuantity, o.AverageFillPrice, (decimal?)o.Fees,
            o.Status.ToSeedName())).ToList();

    private static BacktestResult BacktestResult(IReadOnlyList<Bar> bars, object parameters)
    {
        var template = StrategyCatalog.Find("ma-crossover")!;
        var overrides = System.Text.Json.JsonSerializer.SerializeToNode(parameters)!.AsObject();
        var settings = new BacktestSettings
        {
            InitialCapital = 100_000m,
            FeeModel = new PerShareFeeModel(0.005m, 1m),
            SlippageModel = new FixedSlippageModel(0m),
            ParticipationRate = 0.25m,
        };
        var day = DateOnly.FromDateTime(bars[0].Start.UtcDateTime);
        var request = new BacktestRequest(template, template.Parameters.Resolve(overrides).Parameters!, [bars[0].Symbol], day, day, settings);
        return Backtester.Run(request, bars);
    }

    private static async Task<string> StateAsync(ApiServer server, Guid strategyId)
    {
        await using var db = server.Db.CreateContext();
        return await db.UserStrategies.AsNoTracking().Where(u => u.UserStrategyId == strategyId).Select(u => u.RunState).SingleAsync(Ct);
    }

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(10, Ct);
        }
    }

    /// <summary>A strategy that throws on the third bar it is given.</summary>
    private sealed class ThrowsOnThirdBar : Orchestrator.Domain.Strategies.Strategy
    {
        private int _bars;

        public static StrategyTemplateDefinition Template { get; } = new(
            "test-throws-on-third-bar", "MOMENTUM", "DAY_TRADING", "Throws on its third bar (a test).", [],
            new ParameterSchema([]), _ => new ThrowsOnThirdBar());

        public static async Task<Guid> CreateAsync(ApiServer server, Guid userId)
        {
            await using var db = server.Db.CreateContext();
            var template = new StrategyTemplate { TemplateName = Template.Name, TemplateType = "MOMENTUM", DefaultParameters = "{}", Category = "DAY_TRADING" };
            var strategy = new Orchestrator.Storage.Model.Entities.Strategy
            {
                UserId = userId, StrategyName = "Throws", StrategyType = "MOMENTUM", Parameters = "{}", IsActive = false, CreatedAt = DateTime.UtcNow,
            };
            db.StrategyTemplates.Add(template);
            db.Strategies.Add(strategy);
            db.UserStrategies.Add(new UserStrategy
            {
                UserStrategyId = strategy.StrategyId, UserId = userId, TemplateId = template.TemplateId, StrategyName = "Throws", IsActive = false, CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync(Ct);
            return strategy.StrategyId;
        }

        public override void OnBar(IStrategyContext context, in Bar bar)
        {
            if (++_bars == 3)
            {
                throw new InvalidOperationException("the third bar");
            }
        }
    }
}
