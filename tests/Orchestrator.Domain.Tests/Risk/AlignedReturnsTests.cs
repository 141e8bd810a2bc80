using Orchestrator.Domain.Risk.Metrics;

namespace Orchestrator.Domain.Tests.Risk;

/// <summary>The common calendar: only dates every held symbol and the benchmark have; returns between consecutive ones.</summary>
public sealed class AlignedReturnsTests
{
    private static readonly DateOnly[] Days = Closes.Weekdays(5); // 01-02 … 01-08 (Tue, Wed, Thu, Fri, Mon)

    [Fact]
    public void A_missing_session_is_dropped_for_every_symbol_and_returns_span_the_gap()
    {
        // B has no close on day 2 (01-04), so the calendar is days 0, 1, 3, 4 for all.
        // A: 100, 110, [121], 99, 108.9 → 110/100 − 1 = 0.1, 99/110 − 1 = −0.1 (spans 01-03 → 01-05), 108.9/99 − 1 = 0.1
        // B: 50, 55, —, 44, 44   → 0.1, 44/55 − 1 = −0.2, 0
        // M: 10, 10, 11, 12, 12  → 0, 12/10 − 1 = 0.2, 0
        var history = new PriceHistory(
            new Dictionary<string, IReadOnlyList<DailyClose>>
            {
                ["A"] = Series(100m, 110m, 121m, 99m, 108.9m),
                ["B"] = [new(Days[0], 50m), new(Days[1], 55m), new(Days[3], 44m), new(Days[4], 44m)],
            },
            "M",
            Series(10m, 10m, 11m, 12m, 12m));

        var aligned = AlignedReturns.Align(history, ["A", "B"]);

        Assert.Equal([Days[0], Days[1], Days[3], Days[4]], aligned.Dates);
        Assert.Equal(3, aligned.Days);
        AssertClose([0.1, -0.1, 0.1], aligned.Returns[0]);
        AssertClose([0.1, -0.2, 0.0], aligned.Returns[1]);
        AssertClose([0.0, 0.2, 0.0], aligned.BenchmarkReturns);
    }

    [Fact]
    public void Dates_out_of_order_or_a_non_positive_close_are_rejected()
    {
        var unordered = new PriceHistory(
            new Dictionary<string, IReadOnlyList<DailyClose>> { ["A"] = [new(Days[1], 1m), new(Days[0], 1m)] }, "M", Series(1m, 1m));
        var zero = new PriceHistory(
            new Dictionary<string, IReadOnlyList<DailyClose>> { ["A"] = Series(1m, 0m) }, "M", Series(1m, 1m));

        Assert.Throws<ArgumentException>(() => AlignedReturns.Align(unordered, ["A"]));
        Assert.Throws<ArgumentException>(() => AlignedReturns.Align(zero, ["A"]));
    }

    private static DailyClose[] Series(params decimal[] closes) => [.. closes.Select((c, t) => new DailyClose(Days[t], c))];

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var t = 0; t < expected.Length; t++)
        {
            Assert.Equal(expected[t], actual[t], 1e-12);
        }
    }
}
