using System.Text.Json;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Accounts;

/// <summary>
/// The body of <c>POST /api/v1/accounts</c>. <c>credentials</c> is whatever the broker needs (API key and
/// secret, for example); it is encrypted at rest and never returned.
/// </summary>
public sealed record CreateAccountRequest(
    string? BrokerId,
    string? AccountName = null,
    string? BrokerAccountId = null,
    string? AccountType = null,
    string? Currency = null,
    decimal? InitialCash = null,
    decimal? MaxPositionSize = null,
    decimal? MaxDailyVolume = null,
    string[]? AllowedSymbols = null,
    JsonElement? Credentials = null);

/// <summary>An account as the API shows it: never its credentials, only whether it has some.</summary>
public sealed record AccountView(
    Guid AccountId, string BrokerId, string? AccountName, string BrokerAccountId, string AccountType, string Currency,
    string BaseCurrency, bool IsConnected, DateTime? LastConnectedAt, string? ConnectionError, decimal? MaxPositionSize,
    decimal? MaxDailyVolume, string[]? AllowedSymbols, bool HasCredentials, DateTime? CreatedAt, DateTime? UpdatedAt)
{
    public static AccountView From(UserBrokerAccount a) => new(
        a.AccountId, a.BrokerId, a.AccountName, a.BrokerAccountId, a.AccountType ?? "INDIVIDUAL", a.Currency ?? "USD",
        a.BaseCurrency ?? "USD", a.IsConnected == true, a.LastConnectedAt, a.ConnectionError, a.MaxPositionSize,
        a.MaxDailyVolume, a.AllowedSymbols, a.EncryptedCredentials is not null, a.CreatedAt, a.UpdatedAt);
}

/// <summary>A broker of the catalog.</summary>
public sealed record BrokerView(string BrokerId, string BrokerName, string BrokerType, string? BaseUrl, string? DocumentationUrl, bool IsActive)
{
    public static BrokerView From(Broker b) => new(b.BrokerId, b.BrokerName, b.BrokerType, b.BaseUrl, b.DocumentationUrl, b.IsActive != false);
}

/// <summary>A position row; <c>unrealizedPnl</c> is marked at <c>currentPrice</c>.</summary>
public sealed record PositionView(
    Guid PositionId, string Symbol, decimal Quantity, decimal AveragePrice, decimal? CurrentPrice, string PositionType, decimal MarketValue,
    decimal UnrealizedPnl, decimal RealizedPnl, string? Sector, string? AssetClass, DateTime OpenedAt, DateTime? UpdatedAt, DateTime? ClosedAt)
{
    public static PositionView From(AccountPosition p)
    {
        var mark = p.CurrentPrice ?? p.AveragePrice;
        return new(p.PositionId, p.Symbol, p.Quantity, p.AveragePrice, p.CurrentPrice, p.PositionType, p.Quantity * mark,
            p.Quantity * (mark - p.AveragePrice), p.RealizedPnl, p.Sector, p.AssetClass, p.OpenedAt, p.UpdatedAt, p.ClosedAt);
    }
}

public sealed record BalanceView(string Currency, decimal CashBalance, decimal BuyingPower, decimal PortfolioValue, decimal MarginUsed,
    decimal MarginAvailable, DateTime? RecordedAt)
{
    public static BalanceView From(AccountBalance b) => new(b.Currency, b.CashBalance ?? 0m, b.BuyingPower ?? 0m, b.PortfolioValue ?? 0m,
        b.MarginUsed ?? 0m, b.MarginAvailable ?? 0m, b.RecordedAt);
}
