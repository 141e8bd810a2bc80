using static System.FormattableString;

namespace Orchestrator.Domain.Matching.Fees;

/// <summary>
/// The one rule for which fee models may run, shared by the CLI's <c>--fees</c>, the API's <c>fees</c> and
/// <see cref="Backtesting.BacktestSettings.Validate"/>. A commission that is a fraction of the trade's value
/// stays at most half of it (the bound the seed's <c>backtest_config.commission_rate</c> has always had):
/// a rate of 1 or more would make every sale cost more than it brings in.
/// </summary>
public static class FeeBounds
{
    /// <summary>The largest commission rate, as a fraction of the fill's value.</summary>
    public const decimal MaxRate = 0.5m;

    /// <summary>Null when <paramref name="model"/> may run; otherwise what is out of range and the allowed range.</summary>
    public static string? Check(IFeeModel model) => model switch
    {
        PercentageFeeModel m when m.Rate is < 0m or > MaxRate =>
            Invariant($"percentage:{m.Rate} is out of range: a fraction of the fill's value from 0 to {MaxRate}"),
        PercentageFeeModel { Minimum: < 0m } m => Invariant($"min:{m.Minimum} is out of range: 0 or more"),
        PerShareFeeModel m when m.PerShare < 0m || m.Minimum < 0m => "per-share rates and min must be 0 or more",
        PerShareFeeModel { MaximumFractionOfValue: { } cap } when cap is < 0m or > MaxRate =>
            Invariant($"max:{cap} is out of range: a fraction of the fill's value from 0 to {MaxRate}"),
        PerOrderFeeModel { Amount: < 0m } m => Invariant($"per-order:{m.Amount} is out of range: 0 or more"),
        _ => null,
    };
}
