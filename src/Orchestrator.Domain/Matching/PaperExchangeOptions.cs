using Orchestrator.Domain.Matching.Fees;
using Orchestrator.Domain.Matching.Slippage;
using Orchestrator.Domain.MarketData;

namespace Orchestrator.Domain.Matching;

/// <summary>The paper exchange's configuration, frozen for its lifetime.</summary>
public sealed record PaperExchangeOptions
{
    /// <summary>
    /// The share of each bar's volume that all our orders on one side of a symbol together may take in that bar
    /// (the fills in <see cref="PaperExchange.OnBar"/> plus immediate fills at submit against that bar).
    /// </summary>
    public decimal ParticipationRate { get; init; } = 0.25m;

    /// <summary>Commission per fill; default Interactive Brokers-like $0.005 per share, at least $1.00.</summary>
    public IFeeModel FeeModel { get; init; } = new PerShareFeeModel(0.005m, 1.00m);

    /// <summary>Applied to aggressive fills only (a resting limit fills at its price).</summary>
    public ISlippageModel SlippageModel { get; init; } = new FixedSlippageModel(0m);

    /// <summary>The trading hours of a symbol: DAY orders expire at its session close.</summary>
    public Func<string, TradingHours> TradingHoursFor { get; init; } = _ => TradingHours.UsEquities;

    /// <summary>The first trade sequence (continue from the database's highest after a restart).</summary>
    public long FirstTradeSequence { get; init; } = 1;

    /// <summary>Trade id = prefix + the sequence in 10 digits, e.g. <c>PAPER-0000000001</c>.</summary>
    public string TradeIdPrefix { get; init; } = "PAPER-";

    /// <summary>
    /// When positive, every fill quantity is rounded down to a multiple of it (1 for whole shares); 0 fills any
    /// decimal quantity (crypto). Applies to the volume a bar or quote makes available, never to the order itself.
    /// </summary>
    public decimal QuantityIncrement { get; init; }
}
