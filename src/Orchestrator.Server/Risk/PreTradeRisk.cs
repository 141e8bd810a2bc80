using Orchestrator.Domain.Portfolio;
using Orchestrator.Domain.Risk;
using Orchestrator.Server.Trading;
using DomainOrder = Orchestrator.Domain.Orders.Order;

namespace Orchestrator.Server.Risk;

/// <summary>
/// The risk profile's checklist against an account's state as its writer holds it: positions at their marks,
/// working orders, cash, the symbols' sectors from the directory and the day's starting equity. Correlations
/// are not loaded yet, so max_correlation_exposure counts only the order's own symbol.
/// </summary>
public static class PreTradeRisk
{
    public static LimitViolation? Check(RiskSettings settings, TradingAccount account, decimal? sessionOpenEquity, SymbolDirectory symbols, DomainOrder order, decimal price)
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
            killSwitch: settings.KillSwitch, userMaxDailyLoss: settings.UserMaxDailyLoss);
        return RiskChecklist.Check(context, order, price);
    }
}
