using Orchestrator.Server.Validation;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Risk;

/// <summary>The seed's defaults, the validation of a profile's limits, and the request-to-row mapping.</summary>
public static class RiskProfiles
{
    /// <summary>Fills every limit the seed gives a default (<see cref="Domain.Risk.RiskProfile.Default"/>) and the row leaves unset.</summary>
    public static RiskProfile WithDefaults(RiskProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var seed = Domain.Risk.RiskProfile.Default;
        profile.MaxSectorConcentration ??= seed.MaxSectorConcentration;
        profile.MaxCorrelationExposure ??= seed.MaxCorrelationExposure;
        profile.MaxPortfolioRisk ??= seed.MaxPortfolioRisk;
        profile.MaxLongPositions ??= seed.MaxLongPositions;
        profile.MaxShortPositions ??= seed.MaxShortPositions;
        profile.MinCashPercentage ??= seed.MinCashPercentage;
        profile.DefaultStopLossPercentage ??= seed.DefaultStopLossPercentage;
        profile.TrailingStopEnabled ??= seed.TrailingStopEnabled;
        profile.TrailingStopPercentage ??= seed.TrailingStopPercentage;
        return profile;
    }

    /// <summary>Field errors of a request, named as its JSON names them.</summary>
    public static ValidationErrors Validate(RiskProfileRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        errors.Check(FieldRules.IsName(request.ProfileName), "profileName", "is required, at most 100 characters");
        errors.Check(request.Description is null || request.Description.Length <= 2_000, "description", "at most 2,000 characters");
        Money(errors, "maxPositionSize", request.MaxPositionSize);
        Money(errors, "maxDailyLoss", request.MaxDailyLoss);
        Fraction(errors, "maxSectorConcentration", request.MaxSectorConcentration);
        Fraction(errors, "maxCorrelationExposure", request.MaxCorrelationExposure);
        Fraction(errors, "maxPortfolioRisk", request.MaxPortfolioRisk);
        Fraction(errors, "minCashPercentage", request.MinCashPercentage);
        Fraction(errors, "defaultStopLossPercentage", request.DefaultStopLossPercentage);
        Fraction(errors, "trailingStopPercentage", request.TrailingStopPercentage);
        errors.Check(request.MaxLongPositions is null or (>= 0 and <= 10_000), "maxLongPositions", "must be between 0 and 10,000");
        errors.Check(request.MaxShortPositions is null or (>= 0 and <= 10_000), "maxShortPositions", "must be between 0 and 10,000");
        return errors;
    }

    /// <summary>Copies a valid request onto a row (a missing limit takes its default; see <see cref="RiskProfileRequest"/>).</summary>
    public static void Apply(RiskProfileRequest request, RiskProfile row)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(row);
        row.ProfileName = request.ProfileName!.Trim();
        row.Description = request.Description;
        row.MaxPositionSize = request.MaxPositionSize;
        row.MaxDailyLoss = request.MaxDailyLoss;
        row.MaxSectorConcentration = request.MaxSectorConcentration;
        row.MaxCorrelationExposure = request.MaxCorrelationExposure;
        row.MaxPortfolioRisk = request.MaxPortfolioRisk;
        row.MaxLongPositions = request.MaxLongPositions;
        row.MaxShortPositions = request.MaxShortPositions;
        row.MinCashPercentage = request.MinCashPercentage;
        row.DefaultStopLossPercentage = request.DefaultStopLossPercentage;
        row.TrailingStopEnabled = request.TrailingStopEnabled;
        row.TrailingStopPercentage = request.TrailingStopPercentage;
        WithDefaults(row);
    }

    public static RiskProfileView View(RiskProfile p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new RiskProfileView(p.ProfileId, p.ProfileName, p.Description, p.IsActive, p.MaxPositionSize, p.MaxSectorConcentration,
            p.MaxCorrelationExposure, p.MaxDailyLoss, p.MaxPortfolioRisk, p.MaxLongPositions, p.MaxShortPositions, p.MinCashPercentage,
            p.DefaultStopLossPercentage, p.TrailingStopEnabled, p.TrailingStopPercentage, p.CreatedAt, p.UpdatedAt);
    }

    /// <summary>A currency limit: positive and within DECIMAL(15,8).</summary>
    private static void Money(ValidationErrors errors, string field, decimal? value) =>
        errors.Check(value is null or (> 0m and < 10_000_000m), field, "must be positive and below 10,000,000");

    /// <summary>A share: within [0, 1] and DECIMAL(5,4).</summary>
    private static void Fraction(ValidationErrors errors, string field, decimal? value) =>
        errors.Check(value is null or (>= 0m and <= 1m) && (value is null || decimal.Round(value.Value, 4) == value.Value), field, "must be between 0 and 1, with at most 4 decimals");
}
