using Orchestrator.Domain.Backtesting;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Matching.Fees;
using Orchestrator.Domain.Matching.Slippage;
using Orchestrator.Domain.Orders;
using Orchestrator.Domain.Strategies.Templates;

namespace Orchestrator.Domain.Tests.Strategies.Templates;

/// <summary>
/// Runs a template over crafted bars with clean arithmetic: 10,000 of capital, no fees, no slippage, so a market
/// order fills at once at its bar's close and every figure can be worked out by hand.
/// </summary>
internal static class TemplateBacktest
{
    public const string Symbol = "XYZ";

    /// <summary>Tuesday 2 January 2024, 09:30 New York (UTC−5 in January).</summary>
    public static readonly DateTimeOffset Open = new(2024, 1, 2, 14, 30, 0, TimeSpan.Zero);

    /// <param name="hours">The symbol's trading hours and the calendar of the days; US equities' when null.</param>
    public static BacktestResult Run(
        StrategyTemplateDefinition template, Dictionary<string, object> overrides, IReadOnlyList<Bar> bars, TradingHours? hours = null)
    {
        var resolution = template.Validate(template.Parameters.Resolve(overrides));
        Assert.True(resolution.IsValid, string.Join("; ", resolution.Errors.Select(e => e.Message)));
        var calendar = hours ?? TradingHours.UsEquities;
        var settings = new BacktestSettings
        {
            InitialCapital = 10_000m,
            FeeModel = new PercentageFeeModel(0m),
            SlippageModel = new FixedSlippageModel(0m),
            TradingHoursFor = _ => calendar,
            Calendar = calendar,
        };
        var first = settings.Calendar.TradingDay(bars[0].Start);
        var last = settings.Calendar.TradingDay(bars[^1].Start);
        var request = new BacktestRequest(template, resolution.Parameters!, [Symbol], first, last, settings);
        return Backtester.Run(request, bars.ToArray());
    }

    /// <summary>A one-minute bar starting at <paramref name="start"/>, with a volume far above any order's.</summary>
    public static Bar Bar(DateTimeOffset start, decimal open, decimal high, decimal low, decimal close, decimal volume = 1_000_000m) =>
        new(Symbol, start, TimeSpan.FromMinutes(1), open, high, low, close, volume);

    /// <summary>A one-minute bar whose open, high, low and close are all <paramref name="close"/>.</summary>
    public static Bar Flat(DateTimeOffset start, decimal close, decimal volume = 1_000_000m) => Bar(start, close, close, close, close, volume);

    public static void AssertOrder(BacktestOrder order, OrderSide side, decimal quantity, DateTimeOffset at, decimal price) =>
        Assert.Equal(
            (side, quantity, at, OrderStatus.Filled, price),
            (order.Side, order.Quantity, order.SubmittedAt, order.Status, order.AverageFillPrice!.Value));
}
