namespace Orchestrator.Domain.Backtesting.Statistics;

/// <summary>
/// What the seed's <c>strategy_backtests</c> row takes from the closed trades: counts, average and largest win and
/// loss in money, profit factor and win rate, all on each trade's profit net of its fees
/// (<see cref="BacktestTrade.NetProfitLoss"/>).
/// </summary>
/// <param name="TotalTrades">Closed trades.</param>
/// <param name="WinningTrades">Trades whose net profit is above 0.</param>
/// <param name="LosingTrades">Trades whose net profit is 0 or below: as in Lean's <c>TradeStatistics</c>, a trade that
/// broke even counts as a loss, so winning + losing = total.</param>
/// <param name="AverageWin">Mean net profit of the winning trades; 0 without any.</param>
/// <param name="AverageLoss">Mean net profit of the losing trades, 0 or negative; 0 without any.</param>
/// <param name="LargestWin">The largest net profit of a winning trade; 0 without any.</param>
/// <param name="LargestLoss">The most negative net profit of a losing trade, 0 or negative; 0 without any.</param>
/// <param name="ProfitFactor">Σ net profit of the wins ÷ |Σ net profit of the losses|; 0 when the losses sum to 0
/// (no losing trades, or only break-even ones). Lean's <c>TradeStatistics</c> reports 10 there instead; 0 keeps the
/// column from showing a made-up number.</param>
/// <param name="WinRate">Winning ÷ total trades, as a fraction; 0 without trades.</param>
public sealed record TradeSummary(
    int TotalTrades,
    int WinningTrades,
    int LosingTrades,
    decimal AverageWin,
    decimal AverageLoss,
    decimal LargestWin,
    decimal LargestLoss,
    decimal ProfitFactor,
    decimal WinRate)
{
    /// <summary>Summarizes <paramref name="trades"/>, typically <see cref="Trades.TradeBuilder.ClosedTrades"/>.</summary>
    public static TradeSummary From(IReadOnlyList<BacktestTrade> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        var wins = trades.Select(t => t.NetProfitLoss).Where(p => p > 0).ToList();
        var losses = trades.Select(t => t.NetProfitLoss).Where(p => p <= 0).ToList();
        var grossWins = wins.Sum();
        var grossLosses = losses.Sum();
        return new TradeSummary(
            trades.Count,
            wins.Count,
            losses.Count,
            wins.Count == 0 ? 0 : grossWins / wins.Count,
            losses.Count == 0 ? 0 : grossLosses / losses.Count,
            wins.Count == 0 ? 0 : wins.Max(),
            losses.Count == 0 ? 0 : losses.Min(),
            grossLosses == 0 ? 0 : grossWins / Math.Abs(grossLosses),
            trades.Count == 0 ? 0 : (decimal)wins.Count / trades.Count);
    }
}
