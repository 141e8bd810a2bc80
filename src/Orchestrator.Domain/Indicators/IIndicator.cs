using Orchestrator.Domain.MarketData;

namespace Orchestrator.Domain.Indicators;

/// <summary>
/// An incremental indicator: fed one input at a time, it keeps only the state it needs, so an update is O(1)
/// (amortised O(1) for highest/lowest). Warm-up follows TA-Lib: an indicator with TA-Lib lookback L has its
/// first value at the (L + 1)-th input, which is when <see cref="IsReady"/> becomes true.
/// </summary>
public interface IIndicator
{
    /// <summary>True from the input at which TA-Lib emits its first value.</summary>
    bool IsReady { get; }

    /// <summary>Inputs needed before <see cref="IsReady"/>: TA-Lib's lookback + 1.</summary>
    int WarmUpPeriod { get; }

    /// <summary>Inputs seen since construction or the last <see cref="Reset"/>.</summary>
    int Samples { get; }

    /// <summary>The main output (e.g. the MACD line, the middle band, slow %K, ADX); 0 until ready.</summary>
    decimal Value { get; }

    /// <summary>Forgets every input, as if newly constructed.</summary>
    void Reset();
}

/// <summary>An indicator of one series of values (usually closes).</summary>
public interface IValueIndicator : IIndicator
{
    void Update(decimal value);
}

/// <summary>An indicator of bars (needs high, low, close or volume).</summary>
public interface IBarIndicator : IIndicator
{
    void Update(Bar bar);
}
