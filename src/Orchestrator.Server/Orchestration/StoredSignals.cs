using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Strategies;
using Orchestrator.Storage.Model;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Orchestration;

/// <summary>
/// The strategy signals behind restored working orders. The writer only writes <c>strategy_executions</c> and the
/// signal's actual prices for an order whose <see cref="StrategySignal"/> it holds, so after a restart each working
/// order with a <c>sig-</c> client id gets its signal back from the <c>trading_signals</c> row that was committed
/// with it; without this a fill after the restart would leave the strategy's record incomplete.
/// </summary>
internal static class StoredSignals
{
    private const string Prefix = "sig-";

    /// <summary>The signals of the orders with these client ids, by client id, in one query (ids that are not a signal's are ignored).</summary>
    public static async Task<Dictionary<string, StrategySignal>> LoadAsync(OrchestratorDbContext db, IEnumerable<string?> clientOrderIds, CancellationToken ct)
    {
        var ids = clientOrderIds.Select(SignalIdOf).OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, StrategySignal>(StringComparer.Ordinal);
        }

        var rows = await db.TradingSignals.AsNoTracking().Where(s => ids.Contains(s.SignalId)).ToListAsync(ct);
        return rows.Select(FromRow).OfType<StrategySignal>().ToDictionary(s => s.ClientOrderId, StringComparer.Ordinal);
    }

    /// <summary>The signal id in a client order id <c>sig-</c> + 32 hex digits (<see cref="StrategySignal.ClientOrderIdOf"/>), else null.</summary>
    public static Guid? SignalIdOf(string? clientOrderId) =>
        clientOrderId is { Length: 36 } && clientOrderId.StartsWith(Prefix, StringComparison.Ordinal)
        && Guid.TryParseExact(clientOrderId.AsSpan(Prefix.Length), "N", out var id)
            ? id
            : null;

    /// <summary>
    /// The signal as the runner took it, from its row: the row's <c>created_at</c> stands for both the signal's time and
    /// the moment the runner took it (the bar's own time is not stored), so fill latencies after a restart are measured
    /// from the signal's creation. Null for a row whose type is not a signal type.
    /// </summary>
    public static StrategySignal? FromRow(TradingSignal row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (SignalTypeNames.FromSeedName(row.SignalType) is not { } type)
        {
            return null;
        }

        var created = new DateTimeOffset(DateTime.SpecifyKind(row.CreatedAt ?? DateTime.UnixEpoch, DateTimeKind.Utc));
        var signal = new Signal(row.Symbol, type, created, row.SuggestedEntryPrice ?? 0m, row.RecommendedQuantity ?? 0m, row.SignalStrength ?? 0m,
            row.SignalReason ?? string.Empty, Indicators(row.TechnicalIndicators), row.StopLossPrice, row.TakeProfitPrice,
            row.ExpiresAt is { } expires ? new DateTimeOffset(DateTime.SpecifyKind(expires, DateTimeKind.Utc)) : null);
        return new StrategySignal(row.SignalId, row.StrategyId, signal, created) { RealizedPnl = row.RealizedPnl ?? 0m };
    }

    /// <summary>The stored indicator snapshot (a JSON object of numbers); whatever is not a number is left out.</summary>
    private static Dictionary<string, decimal> Indicators(string? json)
    {
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return values;
        }

        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return values;
        }

        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetDecimal(out var value))
            {
                values[property.Name] = value;
            }
            else if (property.Value.ValueKind == JsonValueKind.String
                     && decimal.TryParse(property.Value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var text))
            {
                values[property.Name] = text;
            }
        }

        return values;
    }
}
