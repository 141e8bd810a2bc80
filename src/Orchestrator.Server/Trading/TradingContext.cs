using Orchestrator.Domain.Matching.Fees;
using Orchestrator.Server.Auditing;

namespace Orchestrator.Server.Trading;

/// <summary>
/// The shared services the writers' commands use: prices, symbols, fees, the audit trail, the risk settings' epochs,
/// the return correlations, the user's day P&amp;L over accounts and the kill switch's inbox.
/// </summary>
public sealed class TradingContext(
    PaperBroker paper, SymbolDirectory symbols, IFeeModel fees, AuditTrail audit, Risk.RiskEpochs riskEpochs, Risk.CorrelationEstimates correlations,
    UserDayPnl dayPnl, Risk.KillSwitch.DailyLossBreaches dailyLossBreaches)
{
    /// <summary>Each loaded account's day P&amp;L, so the daily loss limit is held against the user's sum.</summary>
    public UserDayPnl DayPnl { get; } = dayPnl;

    /// <summary>Where the writers report a daily loss that reached its limit.</summary>
    public Risk.KillSwitch.DailyLossBreaches DailyLossBreaches { get; } = dailyLossBreaches;

    /// <summary>Tells the writers when a user's risk settings changed.</summary>
    public Risk.RiskEpochs RiskEpochs { get; } = riskEpochs;

    /// <summary>The day's return correlations, for max_correlation_exposure.</summary>
    public Risk.CorrelationEstimates Correlations { get; } = correlations;

    public SymbolDirectory Symbols { get; } = symbols;

    public IFeeModel Fees { get; } = fees;

    public AuditTrail Audit { get; } = audit;

    /// <summary>The last price the market showed for a symbol (the paper exchange's last quote or bar).</summary>
    public decimal? LastPrice(string symbol) => paper.LastPrice(symbol);

    /// <summary>What an order is valued at for the checks: its limit (or stop) price, else the symbol's last price.</summary>
    public decimal? ReferencePrice(Domain.Orders.Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Type switch
        {
            Domain.Orders.OrderType.Limit or Domain.Orders.OrderType.StopLimit => order.LimitPrice,
            Domain.Orders.OrderType.Stop => order.StopPrice,
            _ => LastPrice(order.Symbol),
        };
    }
}
