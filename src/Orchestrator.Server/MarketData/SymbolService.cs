using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.MarketData;
using Orchestrator.Server.Accounts;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Trading;
using Orchestrator.Server.Validation;
using Orchestrator.Storage.Model;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.MarketData;

/// <summary>
/// The symbol universe (<c>market_symbols</c>): reference data shared by every user, so it is read through the
/// API and written by operators through the CLI. Changes reach the trading engine's directory at once in this
/// process and within seconds in others (<see cref="SymbolDirectoryRefresher"/>).
/// </summary>
public sealed class SymbolService(OrchestratorDbContext db, AuditTrail audit, SymbolDirectory directory, TimeProvider time)
{
    public static readonly string[] AssetClasses = ["EQUITY", "FOREX", "CRYPTO", "COMMODITY", "FUTURES"];

    public async Task<(SymbolView? Symbol, ValidationErrors? Errors)> SetAsync(SymbolRequest request, Actor actor, CancellationToken ct)
    {
        var symbol = request.Symbol?.Trim().ToUpperInvariant();
        var errors = new ValidationErrors().Check("symbol", AccountLimitRules.SymbolProblem(symbol));
        var existing = errors.Any ? null : await db.MarketSymbols.SingleOrDefaultAsync(s => s.Symbol == symbol, ct);
        var row = existing ?? new MarketSymbol { Symbol = symbol ?? string.Empty, CreatedAt = time.GetUtcNow().UtcDateTime };
        var before = existing is null ? null : db.Entry(existing);
        errors.Check(request.Exchange is not null ? request.Exchange.Trim().Length is > 0 and <= 50 : existing is not null, "exchange", "is required, at most 50 characters.")
            .Check(request.AssetClass is not null ? AssetClasses.Contains(request.AssetClass) : existing is not null, "assetClass", $"must be one of {string.Join(", ", AssetClasses)}.")
            .Check(FieldRules.IsCurrency(request.Currency), "currency", "must be an ISO 4217 code of 3 upper-case letters.")
            .Check(request.CompanyName is null || request.CompanyName.Length <= 255, "companyName", "must be at most 255 characters.")
            .Check(request.Sector is null || request.Sector.Length <= 50, "sector", "must be at most 50 characters.")
            .Check(request.Industry is null || request.Industry.Length <= 100, "industry", "must be at most 100 characters.")
            .Check(request.TickSize is null or (> 0 and < 100) && (request.TickSize is null || decimal.Round(request.TickSize.Value, 8) == request.TickSize), "tickSize", "must be positive, below 100, with at most 8 decimals.")
            .Check(request.ContractSize is null or (> 0 and < 10_000_000), "contractSize", "must be positive.");
        string? hours = null;
        if (request.TradingHours is { } json)
        {
            try
            {
                hours = TradingHours.FromJson(json).ToJson();
            }
            catch (FormatException ex)
            {
                errors.Add("tradingHours", ex.Message);
            }
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        row.Exchange = request.Exchange?.Trim() ?? row.Exchange;
        row.AssetClass = request.AssetClass ?? row.AssetClass;
        row.Currency = request.Currency ?? (existing is null ? "USD" : row.Currency);
        row.CompanyName = request.CompanyName ?? row.CompanyName;
        row.Sector = request.Sector ?? row.Sector;
        row.Industry = request.Industry ?? row.Industry;
        row.TickSize = request.TickSize ?? row.TickSize;
        row.ContractSize = request.ContractSize ?? row.ContractSize;
        row.IsActive = request.IsActive ?? row.IsActive ?? true;
        row.TradingHours = hours ?? row.TradingHours;
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        if (existing is null)
        {
            audit.RecordCreate(db, actor, "SYMBOL_CREATED", "SYMBOL", row.Symbol, db.MarketSymbols.Add(row));
        }
        else
        {
            audit.RecordUpdate(db, actor, "SYMBOL_UPDATED", "SYMBOL", row.Symbol, before!);
        }

        await db.SaveChangesAsync(ct);
        directory.Upsert(row);
        return (SymbolView.From(row), null);
    }

    public async Task<IReadOnlyList<SymbolView>> ListAsync(string? exchange, string? assetClass, bool? active, CancellationToken ct)
    {
        var query = db.MarketSymbols.AsNoTracking();
        if (exchange is not null)
        {
            query = query.Where(s => s.Exchange == exchange);
        }

        if (assetClass is not null)
        {
            query = query.Where(s => s.AssetClass == assetClass);
        }

        if (active is { } isActive)
        {
            query = query.Where(s => (s.IsActive ?? true) == isActive);
        }

        return (await query.OrderBy(s => s.Symbol).ToListAsync(ct)).Select(SymbolView.From).ToList();
    }

    public async Task<SymbolView?> GetAsync(string symbol, CancellationToken ct) =>
        await db.MarketSymbols.AsNoTracking().SingleOrDefaultAsync(s => s.Symbol == symbol.ToUpperInvariant(), ct) is { } row ? SymbolView.From(row) : null;

    /// <summary>
    /// "Is SYMBOL open at T, and when does its session close", from the stored row (the directory the engine
    /// uses follows it within seconds); a symbol the universe lacks trades on US equity hours.
    /// </summary>
    public async Task<SessionView> SessionAsync(string symbol, DateTimeOffset at, CancellationToken ct)
    {
        var name = symbol.ToUpperInvariant();
        var json = await db.MarketSymbols.AsNoTracking().Where(s => s.Symbol == name).Select(s => s.TradingHours).SingleOrDefaultAsync(ct);
        var hours = json is null ? TradingHours.UsEquities : TradingHours.FromJson(json);
        return new SessionView(name, at, hours.IsOpen(at), hours.SessionOpen(at), hours.SessionClose(at), hours.TimeZoneId);
    }
}
