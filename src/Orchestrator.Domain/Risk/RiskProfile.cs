using Orchestrator.Domain.Strategies;

namespace Orchestrator.Domain.Risk;

/// <summary>
/// A user's risk limits (the seed's <c>risk_profiles</c> row); null means no limit. The defaults are the seed's
/// column defaults. Fractions are of the portfolio or of equity as each rule in <c>Risk/Rules/</c> defines.
/// </summary>
/// <param name="MaxPositionSize">max_position_size, in account currency: the largest value of one symbol's projected position.</param>
/// <param name="MaxSectorConcentration">max_sector_concentration: the largest share of the portfolio in one sector.</param>
/// <param name="MaxCorrelationExposure">max_correlation_exposure: the largest share of the portfolio in a symbol and the positions moving with it.</param>
/// <param name="MaxDailyLoss">max_daily_loss, in account currency; the user's own <c>users.max_daily_loss</c> also applies (the lower wins).</param>
/// <param name="MaxPortfolioRisk">max_portfolio_risk: the largest loss to the protective stops, as a share of equity.</param>
/// <param name="MaxLongPositions">max_long_positions: how many symbols may be held long at once.</param>
/// <param name="MaxShortPositions">max_short_positions: how many symbols may be held short at once.</param>
/// <param name="MinCashPercentage">min_cash_percentage: the smallest share of equity to keep in cash.</param>
/// <param name="DefaultStopLossPercentage">default_stop_loss_percentage: a new position's fixed stop distance from its entry.</param>
/// <param name="TrailingStopEnabled">trailing_stop_enabled: new positions get a trailing stop instead of the fixed one.</param>
/// <param name="TrailingStopPercentage">trailing_stop_percentage: the trailing stop's distance from the best price since entry.</param>
public sealed record RiskProfile(
    decimal? MaxPositionSize = null,
    decimal? MaxSectorConcentration = 0.30m,
    decimal? MaxCorrelationExposure = 0.50m,
    decimal? MaxDailyLoss = null,
    decimal? MaxPortfolioRisk = 0.02m,
    int? MaxLongPositions = 20,
    int? MaxShortPositions = 10,
    decimal? MinCashPercentage = 0.05m,
    decimal? DefaultStopLossPercentage = 0.02m,
    bool TrailingStopEnabled = true,
    decimal? TrailingStopPercentage = 0.01m)
{
    /// <summary>A new row's values: the seed's column defaults (no position size or daily loss limit).</summary>
    public static RiskProfile Default { get; } = new();

    /// <summary>No limit at all and no protective stop: every rule passes.</summary>
    public static RiskProfile None { get; } = new(null, null, null, null, null, null, null, null, null, false, null);

    /// <summary>
    /// The profile the seed's data migration (<c>20241202_normalize_risk_settings</c>) gives a user with
    /// <c>users.risk_tolerance</c> and <c>users.max_daily_loss</c>: the default row, then, only when the daily
    /// loss is set, max_daily_loss = it, max_position_size = 10% of it and max_portfolio_risk by tolerance
    /// (CONSERVATIVE 0.01, MODERATE 0.02, AGGRESSIVE 0.05, anything else 0.02). The tolerance is compared as SQL
    /// does, case-sensitively (the users table's CHECK admits only the upper-case names).
    /// </summary>
    public static RiskProfile FromTolerance(string? riskTolerance, decimal? maxDailyLoss)
    {
        if (maxDailyLoss is not { } loss)
        {
            // The migration's UPDATE skips users without a daily loss limit: they keep the defaults.
            return Default;
        }

        var portfolioRisk = riskTolerance switch
        {
            "CONSERVATIVE" => 0.01m,
            "MODERATE" => 0.02m,
            "AGGRESSIVE" => 0.05m,
            _ => 0.02m,
        };
        return Default with { MaxDailyLoss = loss, MaxPositionSize = loss * 0.10m, MaxPortfolioRisk = portfolioRisk };
    }

    /// <summary>What is wrong with these limits (fractions outside [0, 1], negative amounts or counts); empty when valid.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        NonNegative(errors, "max_position_size", MaxPositionSize);
        Fraction(errors, "max_sector_concentration", MaxSectorConcentration);
        Fraction(errors, "max_correlation_exposure", MaxCorrelationExposure);
        NonNegative(errors, "max_daily_loss", MaxDailyLoss);
        Fraction(errors, "max_portfolio_risk", MaxPortfolioRisk);
        NonNegative(errors, "max_long_positions", MaxLongPositions);
        NonNegative(errors, "max_short_positions", MaxShortPositions);
        Fraction(errors, "min_cash_percentage", MinCashPercentage);
        Fraction(errors, "default_stop_loss_percentage", DefaultStopLossPercentage);
        Fraction(errors, "trailing_stop_percentage", TrailingStopPercentage);
        return errors;
    }

    private static void Fraction(List<FieldError> errors, string field, decimal? value)
    {
        if (value is < 0m or > 1m)
        {
            errors.Add(new FieldError(field, $"{field} must be a fraction in [0, 1]."));
        }
    }

    private static void NonNegative(List<FieldError> errors, string field, decimal? value)
    {
        if (value < 0m)
        {
            errors.Add(new FieldError(field, $"{field} must not be negative."));
        }
    }

    private static void NonNegative(List<FieldError> errors, string field, int? value)
    {
        if (value < 0)
        {
            errors.Add(new FieldError(field, $"{field} must not be negative."));
        }
    }
}
