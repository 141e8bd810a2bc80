using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Matching.Fees;
using Orchestrator.Domain.Matching.Slippage;

namespace Orchestrator.Domain.Backtesting;

/// <summary>
/// How a backtest trades and measures: the seed's <c>backtest_config</c> (initial capital, commission rate,
/// slippage) plus the paper exchange's volume limit, the calendar whose local dates make the daily returns,
/// and the benchmark and risk-free rate of the statistics.
/// </summary>
public sealed record BacktestSettings
{
    public decimal InitialCapital { get; init; } = 100_000m;

    /// <summary>The seed's commission_rate 0.001 is <c>new PercentageFeeModel(0.001m)</c>.</summary>
    public IFeeModel FeeModel { get; init; } = new PercentageFeeModel(0.001m);

    /// <summary>The seed's slippage 0.0005 is <c>new FixedSlippageModel(0.0005m)</c>.</summary>
    public ISlippageModel SlippageModel { get; init; } = new FixedSlippageModel(0.0005m);

    /// <summary>The most of a bar's volume our orders may take (the paper exchange's participation rate).</summary>
    public decimal ParticipationRate { get; init; } = 0.25m;

    public Func<string, TradingHours> TradingHoursFor { get; init; } = static _ => TradingHours.UsEquities;

    /// <summary>Whose local dates make the trading days (daily equity samples); US equities' New York by default.</summary>
    public TradingHours Calendar { get; init; } = TradingHours.UsEquities;

    /// <summary>The symbol the statistics compare against (alpha, beta, tracking error); null: none (those are 0).</summary>
    public string? BenchmarkSymbol { get; init; }

    /// <summary>The annual risk-free rate, as a fraction.</summary>
    public decimal RiskFreeRate { get; init; }

    public int TradingDaysPerYear { get; init; } = 252;

    /// <summary>1.0 is a cash account; 0.5 allows 2:1 (see the trading account's margin model).</summary>
    public decimal MarginRequirement { get; init; } = 1.0m;

    /// <summary>Fails fast on settings that cannot run.</summary>
    public void Validate()
    {
        if (InitialCapital <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(InitialCapital), InitialCapital, "InitialCapital must be positive.");
        }

        if (TradingDaysPerYear <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(TradingDaysPerYear), TradingDaysPerYear, "TradingDaysPerYear must be positive.");
        }

        ArgumentNullException.ThrowIfNull(FeeModel);
        ArgumentNullException.ThrowIfNull(SlippageModel);
        ArgumentNullException.ThrowIfNull(TradingHoursFor);
        ArgumentNullException.ThrowIfNull(Calendar);

        // The same bounds the CLI and the API check first: out of them a fill would get an impossible price
        // (zero or below) or cost more than it is worth, and the run would fail halfway with an engine error.
        if (FeeBounds.Check(FeeModel) is { } feeError)
        {
            throw new ArgumentOutOfRangeException(nameof(FeeModel), FeeModel, feeError);
        }

        if (SlippageBounds.Check(SlippageModel) is { } slippageError)
        {
            throw new ArgumentOutOfRangeException(nameof(SlippageModel), SlippageModel, slippageError);
        }

        if (ParticipationRate is <= 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(ParticipationRate), ParticipationRate, "ParticipationRate must be a share of the bar's volume above 0 and at most 1.");
        }
    }
}
