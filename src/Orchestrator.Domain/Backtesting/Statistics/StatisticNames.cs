namespace Orchestrator.Domain.Backtesting.Statistics;

/// <summary>
/// The names of the statistics <see cref="PerformanceStatistics.Compute"/> returns, exactly as Lean spells them
/// (Lean, <c>Common/Statistics/PerformanceMetrics.cs</c>).
/// </summary>
public static class StatisticNames
{
    public const string TotalOrders = "Total Orders";
    public const string AverageWin = "Average Win";
    public const string AverageLoss = "Average Loss";
    public const string CompoundingAnnualReturn = "Compounding Annual Return";
    public const string Drawdown = "Drawdown";
    public const string Expectancy = "Expectancy";
    public const string StartEquity = "Start Equity";
    public const string EndEquity = "End Equity";
    public const string NetProfit = "Net Profit";
    public const string SharpeRatio = "Sharpe Ratio";
    public const string SortinoRatio = "Sortino Ratio";
    public const string ProbabilisticSharpeRatio = "Probabilistic Sharpe Ratio";
    public const string LossRate = "Loss Rate";
    public const string WinRate = "Win Rate";
    public const string ProfitLossRatio = "Profit-Loss Ratio";
    public const string Alpha = "Alpha";
    public const string Beta = "Beta";
    public const string AnnualStandardDeviation = "Annual Standard Deviation";
    public const string AnnualVariance = "Annual Variance";
    public const string InformationRatio = "Information Ratio";
    public const string TrackingError = "Tracking Error";
    public const string TreynorRatio = "Treynor Ratio";
    public const string TotalFees = "Total Fees";
    public const string PortfolioTurnover = "Portfolio Turnover";
    public const string DrawdownRecovery = "Drawdown Recovery";

    /// <summary>All 25, in the order <see cref="PerformanceStatistics.Compute"/> returns them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        TotalOrders, AverageWin, AverageLoss, CompoundingAnnualReturn, Drawdown, Expectancy, StartEquity, EndEquity, NetProfit,
        SharpeRatio, SortinoRatio, ProbabilisticSharpeRatio, LossRate, WinRate, ProfitLossRatio, Alpha, Beta, AnnualStandardDeviation,
        AnnualVariance, InformationRatio, TrackingError, TreynorRatio, TotalFees, PortfolioTurnover, DrawdownRecovery,
    ];
}
