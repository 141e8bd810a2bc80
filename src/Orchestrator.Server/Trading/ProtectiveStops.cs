using System.Globalization;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Orders;
using Orchestrator.Domain.Portfolio;
using Orchestrator.Domain.Risk.Stops;
using Orchestrator.Server.Auditing;
using Orchestrator.Storage.Model.Entities;
using DomainOrder = Orchestrator.Domain.Orders.Order;

namespace Orchestrator.Server.Trading;

/// <summary>
/// The protective stops of an account's positions, managed by its writer the way an order emulator manages
/// emulated orders (nautilus_trader's, Lean's risk models): the stop is not rested at the broker but held beside
/// the position (<see cref="ProtectiveStop"/>), fed each bar after the paper exchange has seen it, and when a bar
/// reaches the stop (or the take-profit) the writer sends a MARKET order that closes the position. That order
/// fills at the market then: the bar's close, with the exchange's slippage, not the stop level. A resting stop
/// would fill at the level, but would also count as a working order against every manual close and need a
/// cancel-replace per ratchet; the emulated stop does neither. A new position gets its stop from the active risk
/// profile (see <see cref="ProtectiveStop.ForProfile"/>); the stop follows the position until it is flat, and is
/// stored on the position's row at every change, so a restart resumes it exactly.
/// </summary>
internal static class ProtectiveStops
{
    private static readonly Actor StopActor = Actor.Platform("protective stop", "risk/protective-stop");

    /// <summary>A fill changed a position: a new one gets its stop, a closed one loses it.</summary>
    public static void OnPositionChange(LoadedAccount state, PositionChange change, OrderRecord record)
    {
        if (change.Closed is { } closed)
        {
            state.Stops.Remove(closed.Symbol);
        }

        if (change.Opened is { } opened && state.Risk is { } settings)
        {
            var stop = ProtectiveStop.ForProfile(settings.Profile, opened.Symbol, opened.PositionType, opened.AveragePrice,
                Target(opened.PositionType, opened.AveragePrice, record.TakeProfit), record.StopLoss);
            if (stop is null)
            {
                state.Stops.Remove(opened.Symbol);
            }
            else
            {
                state.Stops[opened.Symbol] = stop;
            }
        }
    }

    /// <summary>
    /// A bar (or a quote as a one-price bar) of a symbol the account holds: the stop ratchets or exits. An exit posts
    /// the closing order to the writer, with a client order id of the position's, so it can never be sent twice. When
    /// that order is refused (a limit such as max_daily_volume or allowed_symbols, a disconnected account, a failed
    /// commit), or ends without filling all of it (<see cref="OnOrderEnded"/>), the stop is re-armed, and the next bar
    /// that still reaches it sends another exit, for what is left of the position, whose client order id adds that
    /// bar's time.
    /// </summary>
    public static void OnBar(AccountWriter writer, Position position, in Bar bar, TradingContext trading)
    {
        var state = writer.State;
        if (!state.Stops.TryGetValue(position.Symbol, out var stop) || stop.Exit is not null || bar.End <= position.OpenedAt)
        {
            return; // no stop, already exited, or a bar from before the entry
        }

        if (stop.OnBar(bar) is not { } exit)
        {
            return;
        }

        var side = position.Quantity > 0m ? OrderSide.Sell : OrderSide.Buy;
        var order = new DomainOrder(Guid.CreateVersion7(), position.Symbol, side, OrderType.Market, Math.Abs(position.Quantity), TimeInForce.Day);
        var clientId = stop.Refusals == 0
            ? $"{Prefix(exit.Kind)}-{position.PositionId:N}"
            : $"{Prefix(exit.Kind)}-{position.PositionId:N}-{bar.End.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture)}";
        writer.Post(new SubmitOrderCommand(new PlaceOrder(order, state.UserId, clientId, OrderSources.Risk, null, StopActor), trading));
    }

    /// <summary>
    /// An order ended (<see cref="BrokerUpdateApplier"/>): a protective exit that ended without filling all of it
    /// (cancelled by hand or by the kill switch, expired) leaves the position open, in part or whole.
    /// </summary>
    public static void OnOrderEnded(LoadedAccount state, DomainOrder order, OrderRecord record)
    {
        if (order.Status != OrderStatus.Filled)
        {
            OnExitEnded(state, order.Symbol, record.ClientOrderId);
        }
    }

    /// <summary>
    /// An order of <paramref name="symbol"/> ended without closing the position, or was never placed (refused, or found
    /// ended under its id after a restart: <see cref="SubmitOrderCommand"/>): if it was the protective exit, its stop
    /// stands again, for the next bar that reaches it.
    /// </summary>
    public static void OnExitEnded(LoadedAccount state, string symbol, string? clientOrderId)
    {
        if (IsExit(clientOrderId) && state.Stops.TryGetValue(symbol, out var stop) && stop.Exit is not null)
        {
            stop.Rearm();
        }
    }

    /// <summary>Whether a client order id is one of a protective exit's (see <see cref="OnBar"/>).</summary>
    private static bool IsExit(string? clientOrderId) =>
        clientOrderId is not null && ExitPrefixes.Any(prefix => clientOrderId.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>"stop-loss-", "trailing-stop-", "take-profit-": every order that ends passes <see cref="IsExit"/>.</summary>
    private static readonly string[] ExitPrefixes = [.. Enum.GetValues<StopExitKind>().Select(kind => Prefix(kind) + "-")];

    /// <summary>The stop's columns on the position's row (all null without a stop).</summary>
    public static void CopyTo(AccountPosition row, ProtectiveStop? stop)
    {
        row.StopPrice = stop is { HasStop: true } ? TradingRows.Price(stop.StopPrice) : null;
        row.StopTrailingPercentage = stop?.TrailingPercentage;
        row.StopBestPrice = stop is { HasStop: true } ? TradingRows.Price(stop.BestPrice) : null;
        row.TakeProfitPrice = stop?.TakeProfit;
    }

    /// <summary>The stop stored on an open position's row, as <see cref="CopyTo"/> wrote it; null when it has none.</summary>
    public static ProtectiveStop? Restore(AccountPosition row)
    {
        var direction = row.Quantity > 0m ? PositionType.Long : PositionType.Short;
        if (row.StopPrice is { } level)
        {
            return ProtectiveStop.Restore(row.Symbol, direction, row.AveragePrice, level, row.StopTrailingPercentage,
                Target(direction, row.AveragePrice, row.TakeProfitPrice), row.StopBestPrice ?? row.AveragePrice);
        }

        var target = Target(direction, row.AveragePrice, row.TakeProfitPrice);
        return target is null ? null : ProtectiveStop.ForProfile(Domain.Risk.RiskProfile.None, row.Symbol, direction, row.AveragePrice, target);
    }

    /// <summary>A take-profit only while it is on the profit side of the entry (a fill past the target leaves none).</summary>
    private static decimal? Target(PositionType direction, decimal entry, decimal? target) =>
        target is { } t && (direction == PositionType.Long ? t > entry : t < entry) ? t : null;

    private static string Prefix(StopExitKind kind) => kind switch
    {
        StopExitKind.StopLoss => "stop-loss",
        StopExitKind.TrailingStop => "trailing-stop",
        _ => "take-profit",
    };
}
