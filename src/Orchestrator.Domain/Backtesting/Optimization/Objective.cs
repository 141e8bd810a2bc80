namespace Orchestrator.Domain.Backtesting.Optimization;

/// <summary>
/// The statistic an optimization ranks by, with its direction: most statistics are better higher; the ones
/// that measure risk, cost or loss are better lower.
/// </summary>
public sealed record Objective(string Statistic)
{
    private static readonly HashSet<string> LowerIsBetter = new(StringComparer.Ordinal)
    {
        "Drawdown", "Annual Standard Deviation", "Annual Variance", "Tracking Error", "Total Fees", "Loss Rate", "Drawdown Recovery",
        "Portfolio Turnover",
    };

    /// <summary>Every statistic a backtest reports, by Lean's names.</summary>
    public static IReadOnlyList<string> Known { get; } =
    [
        "Total Orders", "Average Win", "Average Loss", "Compounding Annual Return", "Drawdown", "Expectancy", "Start Equity",
        "End Equity", "Net Profit", "Sharpe Ratio", "Sortino Ratio", "Probabilistic Sharpe Ratio", "Loss Rate", "Win Rate",
        "Profit-Loss Ratio", "Alpha", "Beta", "Annual Standard Deviation", "Annual Variance", "Information Ratio", "Tracking Error",
        "Treynor Ratio", "Total Fees", "Portfolio Turnover", "Drawdown Recovery",
    ];

    public bool Maximize => !LowerIsBetter.Contains(Statistic);

    /// <summary>The value to sort by, descending: the statistic, negated when lower is better.</summary>
    public decimal Score(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var value = result.Statistic(Statistic);
        return Maximize ? value : -value;
    }
}
