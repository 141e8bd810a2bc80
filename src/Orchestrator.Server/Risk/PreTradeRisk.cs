using Orchestrator.Domain.Portfolio;
using Orchestrator.Domain.Risk;
using Orchestrator.Server.Trading;
using DomainOrder = Orchestrator.Domain.Orders.Order;

namespace Orchestrator.Server.Risk;

/// <summary>
/// The risk profile's checklist against an account's state as its writer holds it: positions at their marks,
/// working orders, cash, the symbols' sectors from the directory, the day's starting equity and the return
/// correlations among the held symbols and the order's (<see cref="CorrelationEstimates"/>: 60 daily returns per
/// pair, as of the day's start), so max_correlation_exposure counts the held positions that move with the order's
/// symbol. Without an estimate (no history yet, or the bar store failing) the order's symbol counts alone. The day's
/// loss is the user's: the other accounts' day P&amp;L (<see cref="UserDayPnl"/>) is added to this account's.
/// </summary>
public static class PreTradeRisk
{
    public static LimitViolation? Check(
        RiskSettings settings, TradingAccount account, decimal? sessionOpenEquity, SymbolDirectory symbols, DomainOrder order, decimal price,
        CorrelationMatrix? correlations = null, decimal otherAccountsDailyPnl = 0m)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(order);
        var positions = RiskPosition.FromAccount(account);
        var sectors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var symbol in positions.Select(static p => p.Symbol).Append(order.Symbol))
        {
            if (symbols.Get(symbol).Sector is { } sector)
            {
                sectors[symbol] = sector;
            }
        }

        var context = new RiskContext(settings.Profile, account.Cash, positions, sessionOpenEquity ?? account.Balance().PortfolioValue, sectors,
            correlations: correlations, killSwitch: settings.KillSwitch, userMaxDailyLoss: settings.UserMaxDailyLoss, otherAccountsDailyPnl: otherAccountsDailyPnl);
        return RiskChecklist.Check(context, order, price);
    }
}
