using Orchestrator.Domain.MarketData;

namespace Orchestrator.Integration.Tests.MarketData;

/// <summary>Deterministic 1-minute bars for the store tests: prices with at most 8 decimals (DECIMAL(15,8)).</summary>
internal static class BarFixtures
{
    public static readonly DateTimeOffset Origin = new(2026, 3, 6, 14, 30, 0, TimeSpan.Zero);

    public static readonly string[] Symbols = ["AAPL", "BRK.B", "MSFT"];

    /// <summary><paramref name="minutes"/> bars per symbol, in time order with ties by symbol; every third carries a quote.</summary>
    public static List<StoredBar> Generate(int minutes, decimal shift = 0m)
    {
        var bars = new List<StoredBar>(minutes * Symbols.Length);
        for (var m = 0; m < minutes; m++)
        {
            for (var s = 0; s < Symbols.Length; s++)
            {
                var open = 100m + (s * 50m) + (m * 0.01m) + shift;
                var bar = new Bar(Symbols[s], Origin.AddMinutes(m), TimeSpan.FromMinutes(1),
                    open, open + 0.12345678m, open - 0.5m, open + 0.01m, 1000 + (m * 7) + s);
                bars.Add(m % 3 == 0
                    ? new StoredBar(bar, open + 0.005m, open - 0.01m, open + 0.02m, 300 + m, 400 + s)
                    : new StoredBar(bar));
            }
        }

        return bars;
    }

    public static async IAsyncEnumerable<StoredBar> Stream(IEnumerable<StoredBar> bars)
    {
        foreach (var bar in bars)
        {
            await Task.Yield();
            yield return bar;
        }
    }
}
