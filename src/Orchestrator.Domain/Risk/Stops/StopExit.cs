namespace Orchestrator.Domain.Risk.Stops;

/// <summary>Why a protective stop closed its position.</summary>
public enum StopExitKind
{
    /// <summary>The fixed stop loss.</summary>
    StopLoss,

    /// <summary>The trailing stop (wherever it had ratcheted to).</summary>
    TrailingStop,

    /// <summary>The take-profit target.</summary>
    TakeProfit,
}

/// <summary>A protective stop's exit: the fill price and the bar's end (when the bar is known, as the paper exchange fills).</summary>
public sealed record StopExit(StopExitKind Kind, decimal Price, DateTimeOffset At);
