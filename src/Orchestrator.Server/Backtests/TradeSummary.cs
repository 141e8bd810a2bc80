using Orchestrator.Domain.Backtesting;

namespace Orchestrator.Server.Backtests;

/// <summary>
/// The seed's trade columns of <c>strategy_backtests</c>, over closed trades net of fees: a win has net P&amp;L
/// above 0, a loss below 0 (a trade that nets exactly 0 is neither); win rate = wins ÷ trades; profit factor
/// = Σ net wins ÷ |Σ net losses| (null without losses: it is unbounded); averages per winning and losing trade.
/// </summary>
public sealed record TradeSummary(
    int Total, int Winning, int Losing, decimal? WinRate, decimal? ProfitFactor,
    decimal? AverageWin, decimal? AverageLoss, decimal? LargestWin, decimal? LargestLoss)
{
    public static TradeSummary Of(IReadOnlyList<BacktestTrade> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        var wins = trades.Select(static t => t.NetProfitLoss).Where(static p => p > 0m).ToList();
        var losses = trades.Select(static t => t.NetProfitLoss).Where(static p => p < 0m).ToList();
        var grossWin = wins.Sum();
        var grossLoss = losses.Sum();
        return new TradeSummary(
            trades.Count,
            wins.Count,
            losses.Count,
            trades.Count == 0 ? null : (decimal)wins.Count / trades.Count,
            grossLoss == 0m ? null : grossWin / -grossLoss,
            wins.Count == 0 ? null : grossWin / wins.Count,
            losses.Count == 0 ? null : grossLoss / losses.Count,
            wins.Count == 0 ? null : wins.Max(),
            losses.Count == 0 ? null : losses.Min());
    }
}
