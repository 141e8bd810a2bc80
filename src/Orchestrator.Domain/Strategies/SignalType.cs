namespace Orchestrator.Domain.Strategies;

/// <summary>What a signal asks for (the seed's <c>trading_signals.signal_type</c>).</summary>
public enum SignalType
{
    /// <summary>Be long <see cref="Signal.Quantity"/>: buys what is missing (covering a short first).</summary>
    Buy,

    /// <summary>Be short <see cref="Signal.Quantity"/>: sells what is missing (closing a long first).</summary>
    Sell,

    /// <summary>Be flat: closes whatever position the symbol has.</summary>
    Close,
}

public static class SignalTypeNames
{
    public static string ToSeedName(this SignalType type) => type switch
    {
        SignalType.Buy => "BUY",
        SignalType.Sell => "SELL",
        _ => "CLOSE",
    };

    public static SignalType? FromSeedName(string? name) => name switch
    {
        "BUY" => SignalType.Buy,
        "SELL" => SignalType.Sell,
        "CLOSE" => SignalType.Close,
        _ => null,
    };
}
