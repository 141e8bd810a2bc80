namespace Orchestrator.Domain.Strategies;

/// <summary>
/// A strategy's decision about one symbol (a row of <c>trading_signals</c> once the pipeline gives it an id).
/// Signals state a target, not an order: the pipeline turns the difference between the target and the
/// current position into an order, so a repeated signal never doubles a position.
/// </summary>
/// <param name="Symbol">The symbol it is about.</param>
/// <param name="Type">Buy (be long), Sell (be short) or Close (be flat).</param>
/// <param name="Time">When the strategy decided: the end of the bar it saw.</param>
/// <param name="Price">The price the strategy saw (the bar's close): slippage is measured against it.</param>
/// <param name="Quantity">The target's absolute size for Buy and Sell (the seed's recommended_quantity); 0 for Close.</param>
/// <param name="Strength">Confidence in [0, 1].</param>
/// <param name="Reason">Why, in words (e.g. "SMA(10) crossed above SMA(20)").</param>
/// <param name="Indicators">The indicator values behind the decision (technical_indicators).</param>
/// <param name="StopLoss">A protective stop price, when the strategy proposes one.</param>
/// <param name="TakeProfit">A profit target, when the strategy proposes one.</param>
/// <param name="ExpiresAt">After this instant the signal must not become an order.</param>
public sealed record Signal(
    string Symbol,
    SignalType Type,
    DateTimeOffset Time,
    decimal Price,
    decimal Quantity,
    decimal Strength,
    string Reason,
    IReadOnlyDictionary<string, decimal> Indicators,
    decimal? StopLoss = null,
    decimal? TakeProfit = null,
    DateTimeOffset? ExpiresAt = null)
{
    /// <summary>The signed position the signal asks for.</summary>
    public decimal TargetQuantity => Type switch
    {
        SignalType.Buy => Quantity,
        SignalType.Sell => -Quantity,
        _ => 0m,
    };
}
