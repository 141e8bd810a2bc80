using Orchestrator.Domain.Matching.Fees;
using Orchestrator.Domain.Portfolio;
using Orchestrator.Domain.Risk;
using Orchestrator.Server.Risk;
using DomainOrder = Orchestrator.Domain.Orders.Order;

namespace Orchestrator.Server.Trading;

/// <summary>
/// Every check an order passes in its account's writer, in order: a price to value it at (its limit or stop, else
/// the last market), the account's own checks (allowed symbols, position and volume limits, buying power), then
/// the risk profile's checklist under the kill switch. One place, so the order path and the dry run
/// (<c>POST /risk/check</c>) can never disagree. Changes nothing.
/// </summary>
internal static class OrderChecks
{
    /// <summary>
    /// <see cref="Evaluate"/> against the account's state as its writer holds it: the user's settings and the day's
    /// starting equity as the writer keeps them (<see cref="WriterRisk"/>), the account's correlations. Call it from
    /// inside the writer; <paramref name="db"/> is the batch's context, or null to use one of its own.
    /// </summary>
    public static async Task<(LimitViolation? Violation, decimal? Price, DateOnly TradingDay, RiskSettings Settings)> EvaluateAsync(
        AccountWriter writer, TradingContext trading, Storage.Model.OrchestratorDbContext? db, DomainOrder order, DateTimeOffset now, CancellationToken ct)
    {
        var state = writer.State;
        var settings = await WriterRisk.EnsureAsync(writer, trading, db, now, ct);
        var correlations = await state.Correlations.ForOrderAsync(settings, trading.Correlations, state.Account, order.Symbol, now, ct);
        var others = trading.DayPnl.Others(state.UserId, writer.AccountId, state.RiskDay!.Value, state.Account.Currency);
        var (violation, price, tradingDay) = Evaluate(state.Account, trading, order, now, settings, state.SessionOpenEquity, others, correlations);
        return (violation, price, tradingDay, settings);
    }

    /// <returns>
    /// The first violation (null: the order passes), the reference price, and the trading day it counts toward.
    /// <paramref name="correlations"/> are the account's (<see cref="AccountCorrelations"/>), for max_correlation_exposure;
    /// <paramref name="otherAccountsDailyPnl"/> the user's other accounts' day (<see cref="UserDayPnl"/>), for max_daily_loss.
    /// </returns>
    public static (LimitViolation? Violation, decimal? Price, DateOnly TradingDay) Evaluate(
        TradingAccount account, TradingContext trading, DomainOrder order, DateTimeOffset now, RiskSettings settings, decimal? sessionOpenEquity,
        decimal otherAccountsDailyPnl, CorrelationMatrix correlations)
    {
        var tradingDay = trading.Symbols.HoursOf(order.Symbol).TradingDay(now);
        if (trading.ReferencePrice(order) is not { } price)
        {
            return (new LimitViolation("market_price", 0m, 0m, $"market_price: there is no market price for {order.Symbol} yet, so a market order's cost cannot be checked."),
                null, tradingDay);
        }

        var violation = account.Check(order, price, tradingDay, trading.Fees.Commission(new FeeContext(order.Quantity, price, true))).Violation
            ?? PreTradeRisk.Check(settings, account, sessionOpenEquity, trading.Symbols, order, price, correlations, otherAccountsDailyPnl);
        return (violation, price, tradingDay);
    }
}
