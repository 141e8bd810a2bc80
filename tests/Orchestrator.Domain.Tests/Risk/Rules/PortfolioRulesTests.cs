using Orchestrator.Domain.Portfolio;
using Orchestrator.Domain.Risk;
using Orchestrator.Domain.Risk.Rules;
using static Orchestrator.Domain.Tests.Risk.RiskKit;

namespace Orchestrator.Domain.Tests.Risk.Rules;

/// <summary>max_sector_concentration, max_correlation_exposure, max_portfolio_risk: under, over, and a reducing order with the limit breached.</summary>
public sealed class PortfolioRulesTests
{
    private static readonly RiskProfile SectorOnly = RiskProfile.None with { MaxSectorConcentration = 0.30m };
    private static readonly RiskProfile CorrelationOnly = RiskProfile.None with { MaxCorrelationExposure = 0.50m };
    private static readonly RiskProfile RiskOnly = RiskProfile.None with { MaxPortfolioRisk = 0.02m, DefaultStopLossPercentage = 0.02m };

    // AAPL moves with MSFT (0.8) and against GLD (-0.9); XOM barely (0.2). Threshold 0.7.
    private static readonly CorrelationMatrix Correlations = new([("AAPL", "MSFT", 0.8), ("AAPL", "XOM", 0.2), ("AAPL", "GLD", -0.9)]);

    [Fact]
    public void Max_sector_concentration_passes_one_unit_under_and_rejects_one_over()
    {
        // Cash 90,000 + MSFT 100 x $100: equity 100,000, gross 10,000. Buying AAPL (Technology) at $100:
        // 200 -> Technology 10,000 + 20,000 = 30,000 of max(gross 30,000, equity 100,000) = 0.30, passes;
        // 201 -> 30,100 / 100,000 = 0.301, rejects.
        var context = Context(SectorOnly, 90_000m, Long("MSFT", 100m, 100m));

        Assert.Null(MaxSectorConcentrationRule.Instance.Check(context, Buy(200m), 100m));
        Assert.Equal(
            new LimitViolation("max_sector_concentration", 0.301m, 0.30m,
                "max_sector_concentration: Technology would be 0.3010 of the portfolio, above the limit 0.3000"),
            MaxSectorConcentrationRule.Instance.Check(context, Buy(201m), 100m));
    }

    [Fact]
    public void Max_sector_concentration_measures_a_leveraged_book_against_gross_exposure()
    {
        // Cash -50,000 + XOM 1,500 x $100: equity 100,000, gross 150,000. Buying AAPL at $100:
        // 642 -> 64,200 / (150,000 + 64,200) = 0.29972, passes; 643 -> 64,300 / 214,300 = 0.3000467, rejects.
        var context = Context(SectorOnly, -50_000m, Long("XOM", 1_500m, 100m));

        Assert.Null(MaxSectorConcentrationRule.Instance.Check(context, Buy(642m), 100m));
        var violation = MaxSectorConcentrationRule.Instance.Check(context, Buy(643m), 100m)!;
        Assert.Equal(0.300047m, Math.Round(violation.Value, 6));
        Assert.Equal("max_sector_concentration: Technology would be 0.300047 of the portfolio, above the limit 0.3000", violation.Message);
    }

    [Fact]
    public void Max_sector_concentration_passes_a_reduction_when_breached_and_ignores_a_symbol_without_a_sector()
    {
        // Cash 50,000 + AAPL 500 x $100: Technology is 50,000 / 100,000 = 0.50 already.
        var context = Context(SectorOnly, 50_000m, Long("AAPL", 500m, 100m));

        Assert.Null(MaxSectorConcentrationRule.Instance.Check(context, Sell(100m), 100m));
        // MSFT 1 x $100 -> 50,100 / 100,000 = 0.501.
        Assert.Equal(0.501m, MaxSectorConcentrationRule.Instance.Check(context, Buy(1m, "MSFT"), 100m)!.Value);
        Assert.Null(MaxSectorConcentrationRule.Instance.Check(context, Buy(400m, "ZZZ"), 100m));
    }

    [Fact]
    public void Max_correlation_exposure_passes_one_unit_under_and_rejects_one_over()
    {
        // MSFT 200 long and GLD 100 short both move with a long AAPL ((+1)(+1)(0.8), (+1)(-1)(-0.9) > 0.7); XOM does not.
        // Cash 70,000: equity 70,000 + 20,000 + 20,000 - 10,000 = 100,000; gross 50,000.
        // Buy 200 AAPL at $100: 20,000 + 20,000 + 10,000 = 50,000 of max(70,000, 100,000) = 0.50, passes;
        // 201: 50,100 / 100,000 = 0.501, rejects.
        var context = CorrelationContext(70_000m, Long("MSFT", 200m, 100m), Long("XOM", 200m, 100m), Short("GLD", 100m, 100m));

        Assert.Null(MaxCorrelationExposureRule.Instance.Check(context, Buy(200m), 100m));
        Assert.Equal(
            new LimitViolation("max_correlation_exposure", 0.501m, 0.50m,
                "max_correlation_exposure: AAPL and 2 positions correlated with it above 0.70 would be 0.5010 of the portfolio, above the limit 0.5000"),
            MaxCorrelationExposureRule.Instance.Check(context, Buy(201m), 100m));
    }

    [Fact]
    public void Max_correlation_exposure_counts_positions_by_direction()
    {
        // A short AAPL is hedged by the MSFT long ((-1)(+1)(0.8) = -0.8) and the GLD short ((-1)(-1)(-0.9) = -0.9):
        // selling 500 short counts 50,000 alone of max(gross 50,000 + 50,000, equity 100,000) = 0.50, passes;
        // 501: 50,100 / (50,000 + 50,100) = 0.50050, rejects.
        var context = CorrelationContext(70_000m, Long("MSFT", 200m, 100m), Long("XOM", 200m, 100m), Short("GLD", 100m, 100m));

        Assert.Null(MaxCorrelationExposureRule.Instance.Check(context, Sell(500m), 100m));
        Assert.Equal(
            "max_correlation_exposure: AAPL and 0 positions correlated with it above 0.70 would be 0.5005 of the portfolio, above the limit 0.5000",
            MaxCorrelationExposureRule.Instance.Check(context, Sell(501m), 100m)!.Message);
    }

    [Fact]
    public void Max_correlation_exposure_passes_a_reduction_when_breached()
    {
        // Cash 40,000 + AAPL 400 + MSFT 200 at $100: 60,000 / 100,000 = 0.60 already.
        var context = CorrelationContext(40_000m, Long("AAPL", 400m, 100m), Long("MSFT", 200m, 100m));

        Assert.Null(MaxCorrelationExposureRule.Instance.Check(context, Sell(100m), 100m));
        Assert.Equal(0.601m, MaxCorrelationExposureRule.Instance.Check(context, Buy(1m), 100m)!.Value);
    }

    [Fact]
    public void Max_correlation_exposure_follows_positions_as_they_change()
    {
        // As above: buying 201 AAPL counts MSFT 20,000 and GLD 10,000: 0.501.
        var context = CorrelationContext(70_000m, Long("MSFT", 200m, 100m), Long("XOM", 200m, 100m), Short("GLD", 100m, 100m));
        Assert.Equal(0.501m, MaxCorrelationExposureRule.Instance.Check(context, Buy(201m), 100m)!.Value);

        // MSFT sold (cash 90,000, equity unchanged): only GLD counts, 20,100 + 10,000 = 0.301, passes; 401 AAPL -> 0.501.
        context.Update(new RiskPosition("MSFT", 0m, 0m));
        context.Cash = 90_000m;
        Assert.Null(MaxCorrelationExposureRule.Instance.Check(context, Buy(201m), 100m));
        Assert.Equal(0.501m, MaxCorrelationExposureRule.Instance.Check(context, Buy(401m), 100m)!.Value);

        // GLD flipped to a long of 100 (cash 70,000): (+1)(+1)(-0.9) < 0.7, a hedge for a long AAPL, but it moves with a short AAPL:
        // buying 501 -> 50,100 alone = 0.501; selling 401 short -> 40,100 + 10,000 = 0.501 (gross 20,000 + 40,100 < equity).
        context.Update(Long("GLD", 100m, 100m));
        context.Cash = 70_000m;
        Assert.Equal("max_correlation_exposure: AAPL and 0 positions correlated with it above 0.70 would be 0.5010 of the portfolio, above the limit 0.5000",
            MaxCorrelationExposureRule.Instance.Check(context, Buy(501m), 100m)!.Message);
        Assert.Null(MaxCorrelationExposureRule.Instance.Check(context, Buy(500m), 100m));
        Assert.Equal("max_correlation_exposure: AAPL and 1 position correlated with it above 0.70 would be 0.5010 of the portfolio, above the limit 0.5000",
            MaxCorrelationExposureRule.Instance.Check(context, Sell(401m), 100m)!.Message);
    }

    [Fact]
    public void Max_portfolio_risk_passes_one_unit_under_and_rejects_one_over()
    {
        // Flat, equity 100,000. Buying at $100 with the default 2% stop risks q x 100 x 0.02 = 2q:
        // 1,000 -> 2,000 / 100,000 = 0.02, passes; 1,001 -> 2,002 / 100,000 = 0.02002, rejects.
        var context = Context(RiskOnly, 100_000m);

        Assert.Null(MaxPortfolioRiskRule.Instance.Check(context, Buy(1_000m), 100m));
        Assert.Equal(
            new LimitViolation("max_portfolio_risk", 0.02002m, 0.02m,
                "max_portfolio_risk: the risk to the stops, 2002.00, would be 0.02002 of equity, above the limit 0.0200"),
            MaxPortfolioRiskRule.Instance.Check(context, Buy(1_001m), 100m));
    }

    [Fact]
    public void Max_portfolio_risk_measures_held_positions_to_their_own_stop()
    {
        // Cash 50,000 + MSFT 500 x $100 stopped at $99: risk 500 x 1 = 500; equity 100,000.
        var context = Context(RiskOnly, 50_000m, Long("MSFT", 500m, 100m, stop: 99m));

        // A new AAPL position at the default stop: 500 + 750 x 2 = 2,000, passes; 751 -> 2,002, rejects.
        Assert.Null(MaxPortfolioRiskRule.Instance.Check(context, Buy(750m), 100m));
        Assert.Equal(0.02002m, MaxPortfolioRiskRule.Instance.Check(context, Buy(751m), 100m)!.Value);
        // Adding to MSFT keeps its $99 stop: (500 + 1,500) x 1 = 2,000, passes; 1,501 -> 2,001, rejects.
        Assert.Null(MaxPortfolioRiskRule.Instance.Check(context, Buy(1_500m, "MSFT"), 100m));
        Assert.Equal(0.02001m, MaxPortfolioRiskRule.Instance.Check(context, Buy(1_501m, "MSFT"), 100m)!.Value);
    }

    [Fact]
    public void Max_portfolio_risk_passes_a_reduction_when_breached()
    {
        // MSFT 500 x $100 stopped at $95: risk 2,500 = 0.025 of equity 100,000 already.
        var context = Context(RiskOnly, 50_000m, Long("MSFT", 500m, 100m, stop: 95m));

        Assert.Null(MaxPortfolioRiskRule.Instance.Check(context, Sell(100m, "MSFT"), 100m));
        // One AAPL: 2,500 + 1 x 100 x 0.02 = 2,502.
        Assert.Equal(0.02502m, MaxPortfolioRiskRule.Instance.Check(context, Buy(1m), 100m)!.Value);
    }

    private static RiskContext CorrelationContext(decimal cash, params RiskPosition[] positions) =>
        new(CorrelationOnly, cash, positions, sessionOpenEquity: 0m, Sectors, Correlations);
}
