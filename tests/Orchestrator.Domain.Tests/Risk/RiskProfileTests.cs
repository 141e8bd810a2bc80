using Orchestrator.Domain.Risk;

namespace Orchestrator.Domain.Tests.Risk;

public sealed class RiskProfileTests
{
    [Fact]
    public void Default_is_the_seeds_column_defaults()
    {
        Assert.Equal(
            new RiskProfile(null, 0.30m, 0.50m, null, 0.02m, 20, 10, 0.05m, 0.02m, true, 0.01m),
            RiskProfile.Default);
        Assert.Empty(RiskProfile.Default.Validate());
    }

    [Theory]
    [InlineData("CONSERVATIVE", "0.01")]
    [InlineData("MODERATE", "0.02")]
    [InlineData("AGGRESSIVE", "0.05")]
    [InlineData("SPECULATIVE", "0.02")] // the migration's ELSE
    [InlineData("aggressive", "0.02")] // SQL compares case-sensitively
    [InlineData(null, "0.02")]
    public void FromTolerance_reproduces_the_data_migration(string? tolerance, string portfolioRisk)
    {
        // users.max_daily_loss = 1000.00: max_position_size = 1000.00 x 0.10 = 100.00; the other columns keep their defaults.
        var profile = RiskProfile.FromTolerance(tolerance, 1000.00m);

        Assert.Equal(RiskProfile.Default with
        {
            MaxDailyLoss = 1000.00m,
            MaxPositionSize = 100.00m,
            MaxPortfolioRisk = decimal.Parse(portfolioRisk, System.Globalization.CultureInfo.InvariantCulture),
        }, profile);
    }

    [Fact]
    public void FromTolerance_without_a_daily_loss_keeps_the_defaults_as_the_migrations_update_skips_the_user()
    {
        Assert.Equal(RiskProfile.Default, RiskProfile.FromTolerance("AGGRESSIVE", null));
    }

    [Fact]
    public void Validate_names_fractions_outside_zero_one_and_negative_limits()
    {
        var profile = RiskProfile.Default with { MaxSectorConcentration = 1.5m, MaxShortPositions = -1, MaxDailyLoss = -5m };

        Assert.Equal(["max_sector_concentration", "max_daily_loss", "max_short_positions"], profile.Validate().Select(e => e.Field));
    }
}
