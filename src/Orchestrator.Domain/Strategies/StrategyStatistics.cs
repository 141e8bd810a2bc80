using Orchestrator.Domain.Indicators;

namespace Orchestrator.Domain.Strategies;

/// <summary>One closed trade of a strategy: an execution with a P&amp;L (an exit), in time order.</summary>
/// <param name="Pnl">Its realized P&amp;L in money (<c>strategy_executions.pnl</c>).</param>
/// <param name="PnlPercentage">Its return (<c>strategy_executions.pnl_percentage</c>), when known.</param>
public readonly record struct ClosedTrade(decimal Pnl, decimal? PnlPercentage);

/// <summary>
/// A strategy's live performance, the seed's performance columns of <c>strategies</c> and <c>user_strategies</c>,
/// computed from its closed trades in time order:
/// <list type="bullet">
/// <item><c>total_trades</c> = n, the number of closed trades; <c>winning_trades</c> = those with P&amp;L &gt; 0.</item>
/// <item><c>total_pnl</c> = Σ pnlᵢ; <c>win_rate</c> = winning ÷ total (null without trades).</item>
/// <item><c>max_drawdown</c>: the equity curve is Eₖ = C + Σᵢ≤ₖ pnlᵢ with E₀ = C, the initial capital; with the
/// running peak Pₖ = max over j ≤ k of Eⱼ, drawdown is maxₖ (Pₖ − Eₖ) ÷ Pₖ, a fraction of the peak (0 when the
/// curve never falls). P₀ = C &gt; 0, so the ratio is always defined.</item>
/// <item><c>sharpe_ratio</c> = mean(r) ÷ s(r) × √252 over the per-trade returns r = pnl_percentage (trades
/// without one are left out), s the sample standard deviation (n − 1); null with fewer than two returns or
/// when s = 0. Annualised with √252 as if one trade were one trading day (the seed's convention for daily
/// returns); no risk-free rate is subtracted.</item>
/// </list>
/// Values are exact decimals; the caller rounds to its columns' scale.
/// </summary>
public sealed record StrategyStatistics(int TotalTrades, int WinningTrades, decimal TotalPnl, decimal? WinRate, decimal MaxDrawdown, decimal? SharpeRatio)
{
    public const int TradingDaysPerYear = 252;

    public static StrategyStatistics Compute(IReadOnlyList<ClosedTrade> trades, decimal initialCapital)
    {
        ArgumentNullException.ThrowIfNull(trades);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialCapital);
        var winning = 0;
        var total = 0m;
        var peak = initialCapital;
        var drawdown = 0m;
        foreach (var trade in trades)
        {
            if (trade.Pnl > 0m)
            {
                winning++;
            }

            total += trade.Pnl;
            var equity = initialCapital + total;
            peak = Math.Max(peak, equity);
            drawdown = Math.Max(drawdown, (peak - equity) / peak);
        }

        var winRate = trades.Count == 0 ? (decimal?)null : (decimal)winning / trades.Count;
        return new StrategyStatistics(trades.Count, winning, total, winRate, drawdown, Sharpe(trades));
    }

    private static decimal? Sharpe(IReadOnlyList<ClosedTrade> trades)
    {
        var returns = trades.Where(t => t.PnlPercentage is not null).Select(t => t.PnlPercentage!.Value).ToList();
        if (returns.Count < 2)
        {
            return null;
        }

        var mean = returns.Sum() / returns.Count;
        var variance = returns.Sum(r => (r - mean) * (r - mean)) / (returns.Count - 1);
        var deviation = DecimalMath.Sqrt(variance);
        return deviation == 0m ? null : mean / deviation * DecimalMath.Sqrt(TradingDaysPerYear);
    }
}
