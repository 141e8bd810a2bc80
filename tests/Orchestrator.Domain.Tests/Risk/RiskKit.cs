using Orchestrator.Domain.Orders;
using Orchestrator.Domain.Risk;

namespace Orchestrator.Domain.Tests.Risk;

/// <summary>Orders and contexts for the risk tests: market orders valued at an explicit reference price.</summary>
internal static class RiskKit
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 9, 14, 30, 0, TimeSpan.Zero);

    public static readonly IReadOnlyDictionary<string, string> Sectors = new Dictionary<string, string>
    {
        ["AAPL"] = "Technology",
        ["MSFT"] = "Technology",
        ["NVDA"] = "Technology",
        ["XOM"] = "Energy",
        ["CVX"] = "Energy",
    };

    public static Order Buy(decimal quantity, string symbol = "AAPL") =>
        new(Guid.CreateVersion7(), symbol, OrderSide.Buy, OrderType.Market, quantity, TimeInForce.Day);

    public static Order Sell(decimal quantity, string symbol = "AAPL") =>
        new(Guid.CreateVersion7(), symbol, OrderSide.Sell, OrderType.Market, quantity, TimeInForce.Day);

    /// <summary>A context whose session opened at the current equity (no P&amp;L today), sectors from <see cref="Sectors"/>.</summary>
    public static RiskContext Context(RiskProfile profile, decimal cash, params RiskPosition[] positions)
    {
        var context = new RiskContext(profile, cash, positions, sessionOpenEquity: 0m, Sectors);
        context.SessionOpenEquity = context.Equity;
        return context;
    }

    public static RiskPosition Long(string symbol, decimal quantity, decimal mark, decimal? stop = null) => new(symbol, quantity, mark, stop);

    public static RiskPosition Short(string symbol, decimal quantity, decimal mark, decimal? stop = null) => new(symbol, -quantity, mark, stop);
}
