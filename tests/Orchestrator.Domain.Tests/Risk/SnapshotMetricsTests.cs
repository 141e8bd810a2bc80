using Orchestrator.Domain.Risk.Metrics;

namespace Orchestrator.Domain.Tests.Risk;

/// <summary>
/// Concentrations, exposures, liquidity and turnover: exact decimal arithmetic on one snapshot.
/// </summary>
/// <remarks>
/// <code>
/// symbol  qty    price  value     |value|  sector        ADV         days at 10 % = |qty| ÷ (0.1 × ADV)
/// AAPL    100    150     15,000   15,000   Technology    50,000,000  100 ÷ 5,000,000 = 0.00002
/// JPM     100     50      5,000    5,000   (null)        (null)      unknown
/// MSFT    −50    300    −15,000   15,000   Technology        400      50 ÷ 40 = 1.25
/// XOM     200    100     20,000   20,000   Energy          2,000     200 ÷ 200 = 1 (not more than 1: liquid)
/// ZZZ     −25    200     −5,000    5,000   "  " (blank)      100      25 ÷ 10 = 2.5
/// </code>
/// Gross Σ|value| = 15,000 + 5,000 + 15,000 + 20,000 + 5,000 = 60,000.
/// </remarks>
public sealed class SnapshotMetricsTests
{
    private static readonly Holding[] Positions =
    [
        new("AAPL", 100m, 150m, "Technology", 50_000_000m),
        new("JPM", 100m, 50m, null, null),
        new("MSFT", -50m, 300m, "Technology", 400m),
        new("XOM", 200m, 100m, "Energy", 2_000m),
        new("ZZZ", -25m, 200m, "  ", 100m),
    ];

    [Fact]
    public void Symbol_concentrations_are_shares_of_gross_exposure()
    {
        // AAPL 15,000/60,000 = 0.25; JPM 5,000/60,000 = 1/12; MSFT 0.25; XOM 20,000/60,000 = 1/3; ZZZ 1/12.
        var shares = Concentrations.BySymbol(Positions);

        Assert.Equal(0.25m, shares["AAPL"]);
        Assert.Equal(0.0833333333333333333333333333m, shares["JPM"]);
        Assert.Equal(0.25m, shares["MSFT"]);
        Assert.Equal(0.3333333333333333333333333333m, shares["XOM"]);
        Assert.Equal(0.0833333333333333333333333333m, shares["ZZZ"]);
        // 0.25 + 0.08…3 + 0.25 + 0.33…3 + 0.08…3 = 0.9999999999999999999999999999: 1 to decimal's 28 digits.
        Assert.InRange(shares.Values.Sum(), 1m - 1e-27m, 1m);
    }

    [Fact]
    public void Sector_concentrations_put_missing_sectors_under_unknown()
    {
        // Technology (15,000 + 15,000)/60,000 = 0.5; Energy 20,000/60,000 = 1/3; UNKNOWN (5,000 + 5,000)/60,000 = 1/6.
        var shares = Concentrations.BySector(Positions);

        Assert.Equal(["Energy", "Technology", "UNKNOWN"], shares.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0.5m, shares["Technology"]);
        Assert.Equal(0.3333333333333333333333333333m, shares["Energy"]);
        Assert.Equal(0.1666666666666666666666666667m, shares[Concentrations.UnknownSector]);
        Assert.InRange(shares.Values.Sum(), 1m - 1e-27m, 1m + 1e-27m);
    }

    [Fact]
    public void Exposures_split_long_and_short()
    {
        // Long 15,000 + 5,000 + 20,000 = 40,000; short 15,000 + 5,000 = 20,000; net 40,000 − 20,000 = 20,000.
        Assert.Equal(new Exposures(40_000m, 20_000m, 20_000m), Exposures.Of(Positions));
    }

    [Fact]
    public void Illiquid_positions_need_more_than_a_day_at_ten_percent_of_volume()
    {
        // Unknown volume first (JPM), then by days: ZZZ 2.5 (25/100 = 0.25 of ADV), MSFT 1.25 (50/400 = 0.125 of ADV).
        // XOM needs exactly 1 day and AAPL 0.00002: both liquid.
        Assert.Equal(
            [
                new IlliquidPosition("JPM", 100m, null, null, null),
                new IlliquidPosition("ZZZ", 25m, 100m, 0.25m, 2.5m),
                new IlliquidPosition("MSFT", 50m, 400m, 0.125m, 1.25m),
            ],
            Liquidity.IlliquidPositions(Positions));
    }

    [Fact]
    public void A_lower_participation_makes_more_positions_illiquid()
    {
        // At 5 %: XOM 200 ÷ (0.05 × 2,000) = 2 days (0.1 of ADV) joins the list.
        var illiquid = Liquidity.IlliquidPositions(Positions, participation: 0.05m);
        Assert.Equal(["JPM", "ZZZ", "MSFT", "XOM"], illiquid.Select(p => p.Symbol));
        Assert.Equal(new IlliquidPosition("XOM", 200m, 2_000m, 0.1m, 2m), illiquid[3]);
        Assert.Equal(5m, illiquid[1].DaysToLiquidate); // ZZZ: 25 ÷ (0.05 × 100) = 5
    }

    [Fact]
    public void Turnover_is_traded_notional_over_average_value()
    {
        // 150,000 ÷ 60,000 = 2.5; no activity → null.
        Assert.Equal(2.5m, Turnover.Of(new TradingActivity(150_000m, 60_000m)));
        Assert.Null(Turnover.Of(null));
    }
}
