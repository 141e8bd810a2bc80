using Orchestrator.Domain.Risk;
using Orchestrator.Domain.Risk.Metrics;

namespace Orchestrator.Domain.Tests.Risk;

/// <summary>Pearson correlations of daily returns per pair, on the pair's common dates, over the last 60 returns.</summary>
public sealed class ReturnCorrelationsTests
{
    /// <remarks>
    /// <code>
    /// Window 4 returns (5 closes), at least 3. B has no close on day 3, so the pair's dates are 0, 1, 2, 4, 5, 6 and
    /// the last 5 of them are 1, 2, 4, 5, 6 (day 0 is outside the window, day 3 is nobody's).
    /// A: [100], 100, 110, (50), 99, 108.9, 108.9  → 0.1, 99/110 − 1 = −0.1, 0.1, 0       mean 1/40
    /// B: [7],    50,  55,   —,  44,  44,   46.2   → 0.1, 44/55 − 1 = −0.2, 0, 0.05       mean −1/80
    /// Σ(a − ā)(b − b̄) = 1/32, Σ(a − ā)² = 11/400, Σ(b − b̄)² = 83/1600 (python3 fractions)
    /// ρ = (1/32) ÷ √(11/400 × 83/1600) = (1/32) ÷ (√913 / 800) = 25 ÷ √913 = 0.8273792404018689
    /// </code>
    /// </remarks>
    [Fact]
    public void Pearson_on_the_pairs_common_dates_over_the_window_by_hand()
    {
        var days = Closes.Weekdays(7);
        DailyClose[] a = [.. new[] { 100m, 100m, 110m, 50m, 99m, 108.9m, 108.9m }.Select((c, t) => new DailyClose(days[t], c))];
        DailyClose[] b = [new(days[0], 7m), new(days[1], 50m), new(days[2], 55m), new(days[4], 44m), new(days[5], 44m), new(days[6], 46.2m)];

        Assert.Equal(0.8273792404018689, ReturnCorrelations.Pearson(a, b, window: 4, minimum: 3)!.Value, 1e-12);
        Assert.Equal(0.8273792404018689, ReturnCorrelations.Pearson(b, a, window: 4, minimum: 3)!.Value, 1e-12);

        // The matrix keeps the pair above 0.8, and not above 0.9.
        var closes = new Dictionary<string, IReadOnlyList<DailyClose>> { ["A"] = a, ["B"] = b };
        var rho = Assert.Single(ReturnCorrelations.Estimate(closes, 0.8, window: 4, minimum: 3).CorrelatedWith("A").ToArray());
        Assert.Equal("B", rho.Symbol);
        Assert.Equal(0.8273792404018689, rho.Rho, 1e-12);
        Assert.Equal(0, ReturnCorrelations.Estimate(closes, 0.9, window: 4, minimum: 3).CorrelatedWith("A").Length);
    }

    [Fact]
    public void Perfectly_correlated_series_give_one_and_opposite_returns_give_minus_one()
    {
        // 80 days of returns: the window takes the last 60. B = 2 × A's price (the same returns), C's returns are −A's.
        var returns = NormalReturns.Generate(seed: 3, days: 80, 1.0)[0];
        var a = Closes.FromReturns(100m, returns);
        DailyClose[] b = [.. a.Select(static c => c with { Close = 2m * c.Close })];
        var c = Closes.FromReturns(40m, [.. returns.Select(static r => -r)]);

        Assert.Equal(1.0, ReturnCorrelations.Pearson(a, b)!.Value, 1e-12);
        Assert.Equal(-1.0, ReturnCorrelations.Pearson(a, c)!.Value, 1e-12);

        var matrix = ReturnCorrelations.Estimate(new Dictionary<string, IReadOnlyList<DailyClose>> { ["A"] = a, ["B"] = b, ["C"] = c });
        var neighbours = matrix.CorrelatedWith("A").ToArray().OrderBy(static n => n.Symbol, StringComparer.Ordinal).ToArray();
        Assert.Equal(["B", "C"], neighbours.Select(static n => n.Symbol));
        Assert.Equal(1.0, neighbours[0].Rho, 1e-12);
        Assert.Equal(-1.0, neighbours[1].Rho, 1e-12);
        Assert.InRange(neighbours[0].Rho, -1.0, 1.0);
    }

    [Fact]
    public void Only_the_last_60_common_returns_count()
    {
        // B's first 20 returns are the opposite of A's, its last 60 the same: over the window ρ = 1.
        var returns = NormalReturns.Generate(seed: 5, days: 80, 1.0)[0];
        var a = Closes.FromReturns(100m, returns);
        var b = Closes.FromReturns(100m, [.. returns.Select(static (r, t) => t < 20 ? -r : r)]);

        Assert.Equal(1.0, ReturnCorrelations.Pearson(a, b)!.Value, 1e-12);
        Assert.True(ReturnCorrelations.Pearson(a, b, window: 80)!.Value < 0.9);
    }

    [Fact]
    public void Fewer_than_20_common_returns_or_a_flat_price_leave_a_symbol_alone()
    {
        var returns = NormalReturns.Generate(seed: 7, days: 80, 1.0)[0];
        var a = Closes.FromReturns(100m, returns);
        // The same returns, but only the last 20 or 21 closes: 19 or 20 returns in common with A.
        DailyClose[] b19 = [.. a.TakeLast(20).Select(static c => c with { Close = 3m * c.Close })];
        DailyClose[] b20 = [.. a.TakeLast(21).Select(static c => c with { Close = 3m * c.Close })];
        DailyClose[] flat = [.. a.Select(static c => c with { Close = 10m })];

        Assert.Null(ReturnCorrelations.Pearson(a, b19));
        Assert.Equal(1.0, ReturnCorrelations.Pearson(a, b20)!.Value, 1e-12);
        Assert.Null(ReturnCorrelations.Pearson(a, flat));
        Assert.Null(ReturnCorrelations.Pearson(a, []));

        var matrix = ReturnCorrelations.Estimate(new Dictionary<string, IReadOnlyList<DailyClose>>
        {
            ["A"] = a, ["SHORT"] = b19, ["FLAT"] = flat, ["NONE"] = [],
        });
        Assert.Equal(0, matrix.CorrelatedWith("A").Length);
        Assert.Equal(0, matrix.CorrelatedWith("SHORT").Length);
    }

    [Fact]
    public void The_matrix_agrees_with_each_pair_and_drops_the_weak_ones()
    {
        // A; B mostly A plus some noise of its own, missing a few recent sessions; C independent (no market factor).
        // B's gaps make the matrix take both its paths: pairs with the same recent dates (A, C) and pairs merged on
        // their own dates (A, B and B, C).
        var returns = NormalReturns.Generate(seed: 11, days: 90, 1.0, 0.0, 0.0);
        var a = Closes.FromReturns(100m, returns[0]);
        var mostlyA = returns[0].Select((r, t) => r + 0.3 * returns[1][t]).ToArray();
        DailyClose[] b = [.. Closes.FromReturns(50m, mostlyA).Where(static (_, t) => t is not (70 or 75 or 84))];
        var c = Closes.FromReturns(20m, returns[2]);
        var closes = new Dictionary<string, IReadOnlyList<DailyClose>> { ["A"] = a, ["B"] = b, ["C"] = c };

        var all = ReturnCorrelations.Estimate(closes, threshold: 1e-9);
        foreach (var (x, y) in new[] { ("A", "B"), ("A", "C"), ("B", "C") })
        {
            var pair = ReturnCorrelations.Pearson(closes[x], closes[y])!.Value;
            Assert.Equal(pair, all.CorrelatedWith(x).ToArray().Single(n => n.Symbol == y).Rho);
        }

        var strong = ReturnCorrelations.Estimate(closes);
        Assert.Equal(["B"], strong.CorrelatedWith("A").ToArray().Select(static n => n.Symbol));
        Assert.Equal(0, strong.CorrelatedWith("C").Length);
    }

    [Fact]
    public void Dates_out_of_order_or_a_non_positive_close_are_rejected()
    {
        var days = Closes.Weekdays(2);
        DailyClose[] ok = [new(days[0], 1m), new(days[1], 2m)];
        Assert.Throws<ArgumentException>(() => ReturnCorrelations.Pearson(ok, [new(days[1], 1m), new(days[0], 1m)]));
        Assert.Throws<ArgumentException>(() => ReturnCorrelations.Pearson(ok, [new(days[0], 1m), new(days[1], 0m)]));
    }
}
