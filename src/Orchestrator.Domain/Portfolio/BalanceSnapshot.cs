namespace Orchestrator.Domain.Portfolio;

/// <summary>
/// An account's balance at one moment (the seed's <c>account_balances</c> row). See <see cref="TradingAccount"/>
/// for the margin model behind each figure.
/// </summary>
public sealed record BalanceSnapshot(
    string Currency, decimal CashBalance, decimal BuyingPower, decimal PortfolioValue, decimal MarginUsed, decimal MarginAvailable);
