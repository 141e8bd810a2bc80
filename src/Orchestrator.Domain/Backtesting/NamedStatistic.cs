namespace Orchestrator.Domain.Backtesting;

/// <summary>How a statistic reads: a percent is stored as a fraction (0.1234 = 12.34%).</summary>
public enum StatisticFormat
{
    Count,
    Money,
    Percent,
    Ratio,
    Days,
}

/// <summary>One statistic under its exact Lean name ("Sharpe Ratio", "Total Fees", …).</summary>
public sealed record NamedStatistic(string Name, decimal Value, StatisticFormat Format);
