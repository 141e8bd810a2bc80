using Orchestrator.Domain.Orders;
using Orchestrator.Domain.Portfolio;
using Orchestrator.Domain.Risk;

namespace Orchestrator.Domain.Tests.Risk;

/// <summary>
/// <see cref="RiskChecklist.Check"/> settles orders far inside every limit in double and leaves the rest to the
/// exact rules; on random small portfolios (whole numbers, so orders land exactly on limits often) it must
/// return exactly what running the rules one by one returns, for contexts built at once and kept by updates.
/// </summary>
public sealed class RiskScreenTests
{
    private static readonly string[] Pool = ["S0", "S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9"];

    private static readonly IReadOnlyDictionary<string, string> PoolSectors = new Dictionary<string, string>
    {
        ["S0"] = "A", ["S1"] = "A", ["S2"] = "A", ["S3"] = "B", ["S4"] = "B", ["S5"] = "B", ["S6"] = "C", ["S7"] = "C",
    };

    [Fact]
    public void The_checklist_agrees_with_the_rules_run_one_by_one()
    {
        var (passed, refused, limits) = (0, 0, new HashSet<string>());
        for (var seed = 0; seed < 1_500; seed++)
        {
            var random = new Random(seed);
            var profile = RandomProfile(random);
            var correlations = RandomCorrelations(random);
            var positions = Enumerable.Range(0, random.Next(0, 9)).Select(_ => RandomPosition(random)).DistinctBy(p => p.Symbol).ToList();
            var cash = random.Next(-200, 2_001);
            var killSwitch = random.Next(10) == 0 ? KillSwitchState.Halted : KillSwitchState.Active;
            var userLimit = random.Next(3) == 0 ? random.Next(5, 60) : (decimal?)null;
            var kept = new RiskContext(profile, cash, positions, 0m, PoolSectors, correlations, killSwitch, userLimit);
            kept.SessionOpenEquity = kept.Equity + random.Next(-20, 60);

            for (var step = 0; step < 40; step++)
            {
                if (random.Next(4) == 0)
                {
                    var changed = random.Next(3) == 0 ? new RiskPosition(Pool[random.Next(Pool.Length)], 0m, 0m) : RandomPosition(random);
                    kept.Update(changed);
                    positions.RemoveAll(p => p.Symbol == changed.Symbol);
                    positions.Add(changed);
                }

                var rebuilt = new RiskContext(profile, cash, positions, kept.SessionOpenEquity, PoolSectors, correlations, killSwitch, userLimit);
                var order = new Order(Guid.CreateVersion7(), Pool[random.Next(Pool.Length)], random.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell,
                    OrderType.Market, random.Next(1, 31), TimeInForce.Day);
                decimal price = random.Next(1, 21);

                var expected = OneByOne(rebuilt, order, price);
                Assert.Equal(expected, RiskChecklist.Check(kept, order, price));
                Assert.Equal(expected, RiskChecklist.Check(rebuilt, order, price));
                Assert.Equal(expected, OneByOne(kept, order, price));
                if (expected is null)
                {
                    passed++;
                }
                else
                {
                    refused++;
                    limits.Add(expected.Limit);
                }
            }
        }

        // Both outcomes, and every rule, are exercised.
        Assert.True(passed > 5_000 && refused > 5_000, $"{passed} passed, {refused} refused");
        Assert.Equal(RiskChecklist.Rules.Select(r => r.Limit).Order(), limits.Order());
    }

    private static LimitViolation? OneByOne(RiskContext context, Order order, decimal price) =>
        RiskChecklist.Rules.Select(rule => rule.Check(context, order, price)).FirstOrDefault(v => v is not null);

    private static RiskPosition RandomPosition(Random random)
    {
        var symbol = Pool[random.Next(Pool.Length)];
        var quantity = random.Next(4) == 0 ? 0 : random.Next(-20, 21);
        decimal mark = random.Next(1, 21);
        decimal? stop = quantity != 0 && random.Next(3) == 0 ? mark + random.Next(-3, 4) : null;
        var pendingBuy = random.Next(3) == 0 ? random.Next(1, 10) : 0;
        var pendingSell = random.Next(3) == 0 ? random.Next(1, 10) : 0;
        if (quantity == 0 && pendingBuy == 0 && pendingSell == 0)
        {
            pendingBuy = 1;
        }

        return new RiskPosition(symbol, quantity, mark, stop > 0m ? stop : null, pendingBuy, pendingSell);
    }

    private static RiskProfile RandomProfile(Random random)
    {
        decimal? Tenths(int from, int to) => random.Next(4) == 0 ? null : random.Next(from, to) / 10m;
        decimal? Hundredths(int from, int to) => random.Next(4) == 0 ? null : random.Next(from, to) / 100m;
        int? Count() => random.Next(4) == 0 ? null : random.Next(0, 6);
        return new RiskProfile(
            MaxPositionSize: random.Next(4) == 0 ? null : random.Next(1, 30) * 10m,
            MaxSectorConcentration: Tenths(1, 10),
            MaxCorrelationExposure: Tenths(1, 10),
            MaxDailyLoss: random.Next(3) == 0 ? random.Next(5, 60) : null,
            MaxPortfolioRisk: Hundredths(1, 30),
            MaxLongPositions: Count(),
            MaxShortPositions: Count(),
            MinCashPercentage: Hundredths(0, 60),
            DefaultStopLossPercentage: Hundredths(1, 20));
    }

    private static CorrelationMatrix RandomCorrelations(Random random)
    {
        double[] values = [-0.95, -0.8, -0.5, 0.3, 0.75, 0.9];
        var pairs = new List<(string, string, double)>();
        for (var i = 0; i < Pool.Length; i++)
        {
            for (var j = i + 1; j < Pool.Length; j++)
            {
                if (random.Next(3) == 0)
                {
                    pairs.Add((Pool[i], Pool[j], values[random.Next(values.Length)]));
                }
            }
        }

        return new CorrelationMatrix(pairs);
    }
}
