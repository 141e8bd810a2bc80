using Orchestrator.Domain.Matching.Fees;
using Orchestrator.Server.Auditing;

namespace Orchestrator.Server.Trading;

/// <summary>The shared services the writers' commands use: prices, symbols, fees and the audit trail.</summary>
public sealed class TradingContext(PaperBroker paper, SymbolDirectory symbols, IFeeModel fees, AuditTrail audit)
{
    public SymbolDirectory Symbols { get; } = symbols;

    public IFeeModel Fees { get; } = fees;

    public AuditTrail Audit { get; } = audit;

    /// <summary>The last price the market showed for a symbol (the paper exchange's last quote or bar).</summary>
    public decimal? LastPrice(string symbol) => paper.LastPrice(symbol);
}
