using System.Text.Json;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.MarketData;

/// <summary>A symbol to create or update (the CLI's <c>data symbols set</c>); <c>tradingHours</c> is the JSON shape of <c>Domain.MarketData.TradingHours</c>.</summary>
public sealed record SymbolRequest(
    string? Symbol,
    string? Exchange,
    string? AssetClass,
    string? Currency = null,
    string? CompanyName = null,
    string? Sector = null,
    string? Industry = null,
    decimal? TickSize = null,
    decimal? ContractSize = null,
    bool? IsActive = null,
    string? TradingHours = null);

public sealed record SymbolView(
    string Symbol, string? CompanyName, string Exchange, string? Sector, string? Industry, string AssetClass, string Currency,
    decimal? TickSize, decimal? ContractSize, bool IsActive, JsonElement? TradingHours, DateTime? UpdatedAt)
{
    public static SymbolView From(MarketSymbol s) => new(
        s.Symbol, s.CompanyName, s.Exchange, s.Sector, s.Industry, s.AssetClass, s.Currency, s.TickSize, s.ContractSize, s.IsActive != false,
        s.TradingHours is null ? null : JsonDocument.Parse(s.TradingHours).RootElement.Clone(), s.UpdatedAt);
}

/// <summary>Whether the symbol trades at an instant, and its session's bounds (the one in progress, else the next).</summary>
public sealed record SessionView(string Symbol, DateTimeOffset At, bool IsOpen, DateTimeOffset? SessionOpen, DateTimeOffset? SessionClose, string TimeZone);
