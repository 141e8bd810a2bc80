using Orchestrator.Domain.Indicators;
using Orchestrator.Domain.MarketData;

namespace Orchestrator.Domain.Tests.Indicators;

/// <summary>Feeds a series to an indicator and collects its outputs, TA-Lib style (only once ready).</summary>
internal static class Feed
{
    private static readonly DateTimeOffset Day = new(2026, 3, 6, 14, 30, 0, TimeSpan.Zero);

    public static List<decimal> Values(IValueIndicator indicator, params decimal[] values)
    {
        var outputs = new List<decimal>();
        foreach (var value in values)
        {
            indicator.Update(value);
            if (indicator.IsReady)
            {
                outputs.Add(indicator.Value);
            }
        }
        return outputs;
    }

    public static List<decimal> Bars(IBarIndicator indicator, params Bar[] bars)
    {
        var outputs = new List<decimal>();
        foreach (var bar in bars)
        {
            indicator.Update(bar);
            if (indicator.IsReady)
            {
                outputs.Add(indicator.Value);
            }
        }
        return outputs;
    }

    /// <summary>The i-th one-minute bar (from 14:30Z on 2026-03-06) with the given high, low, close and volume.</summary>
    public static Bar Bar(int i, decimal high, decimal low, decimal close, decimal volume = 100m) =>
        new("TEST", Day.AddMinutes(i), TimeSpan.FromMinutes(1), close, high, low, close, volume);

    /// <summary>Inputs until <see cref="IIndicator.IsReady"/> turns true, asserting it never turns back.</summary>
    public static int CountUntilReady(IValueIndicator indicator, IEnumerable<decimal> values)
    {
        var count = 0;
        foreach (var value in values)
        {
            indicator.Update(value);
            count++;
            if (indicator.IsReady)
            {
                return count;
            }
        }
        return -1;
    }

    /// <summary>A deterministic wavy series with ties, for comparisons with brute force.</summary>
    public static decimal[] Wavy(int count, int seed = 7)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => random.Next(90, 111) + random.Next(0, 4) * 0.25m).ToArray();
    }
}
