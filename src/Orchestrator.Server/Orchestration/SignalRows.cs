using System.Text.Json;
using Orchestrator.Domain.Strategies;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Orchestration;

/// <summary>The seed's <c>trading_signals</c> row of a strategy's signal.</summary>
internal static class SignalRows
{
    public const string Active = "ACTIVE";
    public const string Executed = "EXECUTED";
    public const string Expired = "EXPIRED";
    public const string Cancelled = "CANCELLED";

    public static TradingSignal New(StrategySignal taken, string status)
    {
        ArgumentNullException.ThrowIfNull(taken);
        var signal = taken.Signal;
        return new TradingSignal
        {
            SignalId = taken.SignalId,
            StrategyId = taken.StrategyId,
            Symbol = signal.Symbol,
            SignalType = signal.Type.ToSeedName(),
            SignalStrength = decimal.Round(signal.Strength, 4),
            SignalReason = signal.Reason,
            TechnicalIndicators = JsonSerializer.Serialize(signal.Indicators),
            // The market's time and price the strategy decided at (a replay's bar time differs from created_at, the wall clock).
            MarketConditions = JsonSerializer.Serialize(new { time = signal.Time, price = signal.Price }),
            RecommendedQuantity = signal.Quantity,
            SuggestedEntryPrice = signal.Price,
            StopLossPrice = signal.StopLoss,
            TakeProfitPrice = signal.TakeProfit,
            Status = status,
            ExecutedAt = status == Executed ? taken.CreatedAt.UtcDateTime : null,
            ExpiresAt = signal.ExpiresAt?.UtcDateTime,
            CreatedAt = taken.CreatedAt.UtcDateTime,
        };
    }
}
