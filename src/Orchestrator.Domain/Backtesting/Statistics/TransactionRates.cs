using Orchestrator.Domain.Backtesting.Trades;

namespace Orchestrator.Domain.Backtesting.Statistics;

/// <summary>
/// Average Win, Average Loss, Profit-Loss Ratio, Win Rate, Loss Rate and Expectancy from Lean's transaction record
/// (Lean, <c>Common/Statistics/PortfolioStatistics.cs</c>, constructor).
/// </summary>
/// <remarks>
/// Each transaction's profit is taken as a fraction of the running capital before it, the starting capital plus all
/// earlier transactions' profits. A profit above 0 is a win; 0 or below is a loss. Average Win is the mean fraction of
/// the wins (0 without wins), Average Loss that of the losses (negative; 0 without losses); Profit-Loss Ratio is
/// Average Win ÷ |Average Loss| (0 without losses); Win Rate and Loss Rate are the wins' and losses' shares of all
/// transactions (0 without any); Expectancy = Win Rate × Profit-Loss Ratio − Loss Rate. All in decimal, as in Lean.
/// (Lean takes the win and loss counts from its transaction manager, which counts an in-the-money option exercise as a
/// win whatever its profit; with no options here that is the same as profit above 0.)
/// </remarks>
internal sealed record TransactionRates(
    decimal AverageWin, decimal AverageLoss, decimal ProfitLossRatio, decimal WinRate, decimal LossRate, decimal Expectancy)
{
    public static TransactionRates From(IReadOnlyList<TransactionRecord> records, decimal startingCapital)
    {
        var runningCapital = startingCapital;
        var (totalProfit, totalLoss, wins, losses) = (0m, 0m, 0, 0);
        foreach (var record in records.OrderBy(r => r.Time))
        {
            if (record.ProfitLoss > 0)
            {
                totalProfit += record.ProfitLoss / runningCapital;
                wins++;
            }
            else
            {
                totalLoss += record.ProfitLoss / runningCapital;
                losses++;
            }
            runningCapital += record.ProfitLoss;
        }

        var averageWin = wins == 0 ? 0 : totalProfit / wins;
        var averageLoss = losses == 0 ? 0 : totalLoss / losses;
        var profitLossRatio = averageLoss == 0 ? 0 : averageWin / Math.Abs(averageLoss);
        var total = wins + losses;
        var winRate = total == 0 ? 0 : (decimal)wins / total;
        var lossRate = total == 0 ? 0 : (decimal)losses / total;
        return new TransactionRates(averageWin, averageLoss, profitLossRatio, winRate, lossRate, winRate * profitLossRatio - lossRate);
    }
}
