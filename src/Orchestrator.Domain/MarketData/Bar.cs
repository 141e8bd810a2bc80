namespace Orchestrator.Domain.MarketData;

/// <summary>
/// One OHLCV bar of a symbol: trading in [<see cref="Start"/>, <see cref="End"/>). The paper exchange treats it
/// as known only at <see cref="End"/>, so fills it produces carry that time (no look-ahead).
/// </summary>
public readonly record struct Bar(
    string Symbol, DateTimeOffset Start, TimeSpan Period, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume)
{
    public DateTimeOffset End => Start + Period;
}
