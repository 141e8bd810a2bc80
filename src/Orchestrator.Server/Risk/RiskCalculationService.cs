using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Orchestrator.Domain.Risk.Metrics;
using Orchestrator.Storage.Model;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Risk;

/// <summary>
/// Risk calculations on demand, per account or over all the user's accounts, stored in <c>risk_calculations</c>.
/// The snapshot is the open positions (marked at their current price), the latest balance of each account and
/// the symbols' sectors; the history is two years of daily closes from the stored minutes. The benchmark for
/// beta is the request's, else <c>Risk:BenchmarkSymbol</c>, else the largest position. Turnover: the notional
/// of the last 30 days' fills ÷ the current portfolio value. The row keeps the 95% figures (VaR 1-day, 5-day
/// from overlapping windows, expected shortfall); the answer carries the 99% ones and every method as well. A
/// user-level calculation also raises and clears the user's risk alerts, in the same transaction, and once it has
/// committed tells the user's stream (<c>risk_alert</c>, <c>risk_alert_updated</c>).
/// </summary>
public sealed class RiskCalculationService(
    OrchestratorDbContext db, DailyHistory history, RiskAlertService alerts, RiskAlertPublisher publisher, IConfiguration configuration, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Calendar days of history read: comfortably more than the 251 closes 250 daily returns need.</summary>
    private const int HistoryDays = 730;

    public sealed record Outcome(RiskCalculation? Row, RiskReport? Report, bool NotFound = false);

    public async Task<Outcome> CalculateAsync(Guid userId, Guid? accountId, string? benchmark, CancellationToken ct)
    {
        var accounts = await db.UserBrokerAccounts.AsNoTracking()
            .Where(a => a.UserId == userId && a.DeletedAt == null && (accountId == null || a.AccountId == accountId))
            .Select(a => a.AccountId).ToListAsync(ct);
        if (accountId is not null && accounts.Count == 0)
        {
            return new Outcome(null, null, NotFound: true);
        }

        var positions = await db.AccountPositions.AsNoTracking().Where(p => accounts.Contains(p.AccountId) && p.ClosedAt == null).ToListAsync(ct);
        var balances = await db.AccountBalances.AsNoTracking().Where(b => accounts.Contains(b.AccountId))
            .GroupBy(b => b.AccountId).Select(g => g.OrderByDescending(b => b.RecordedAt).First()).ToListAsync(ct);
        var bySymbol = positions.GroupBy(static p => p.Symbol, StringComparer.Ordinal)
            .Select(static g => (Symbol: g.Key, Quantity: g.Sum(static p => p.Quantity), Price: g.First().CurrentPrice ?? g.First().AveragePrice))
            .Where(static p => p.Quantity != 0m).OrderBy(static p => p.Symbol, StringComparer.Ordinal).ToList();
        var symbols = bySymbol.Select(static p => p.Symbol).ToList();
        var sectors = await db.MarketSymbols.AsNoTracking().Where(m => symbols.Contains(m.Symbol)).ToDictionaryAsync(m => m.Symbol, m => m.Sector, ct);
        var chosen = benchmark?.Trim().ToUpperInvariant() is { Length: > 0 } b ? b
            : configuration["Risk:BenchmarkSymbol"] is { Length: > 0 } c ? c
            : bySymbol.OrderByDescending(static p => Math.Abs(p.Quantity * p.Price)).Select(static p => p.Symbol).FirstOrDefault() ?? "SPY";
        var now = time.GetUtcNow();
        var daily = await history.ReadAsync([.. symbols.Append(chosen).Distinct(StringComparer.Ordinal)], now, HistoryDays, ct);

        var riskPositions = bySymbol.Select(p => new Holding(p.Symbol, p.Quantity, p.Price, sectors.GetValueOrDefault(p.Symbol),
            daily.AverageDailyVolume.TryGetValue(p.Symbol, out var adv) ? adv : null)).ToList();
        var cash = balances.Sum(static b => b.CashBalance ?? 0m);
        var value = balances.Sum(static b => b.PortfolioValue ?? 0m);
        var since = now.AddDays(-30).UtcDateTime;
        var traded = await (
            from f in db.OrderFills.AsNoTracking()
            join o in db.Orders.AsNoTracking() on new { f.OrderId, SubmittedAt = f.OrderSubmittedAt } equals new { o.OrderId, o.SubmittedAt }
            where accounts.Contains(o.AccountId) && f.ExchangeTime >= since
            select new { f.FillQuantity, f.FillPrice }).ToListAsync(ct);
        var report = RiskCalculator.Calculate(
            new PortfolioSnapshot(riskPositions, cash, value),
            new PriceHistory(daily.Closes, chosen, daily.Closes[chosen]),
            activity: value == 0m ? null : new TradingActivity(traded.Sum(static f => f.FillQuantity * f.FillPrice), value));

        var row = new RiskCalculation
        {
            UserId = userId,
            AccountId = accountId,
            PortfolioValue = report.PortfolioValue,
            CashBalance = report.CashBalance,
            InvestedAmount = report.InvestedAmount,
            PortfolioVar1d = report.PortfolioVar1d,
            PortfolioVar5d = report.PortfolioVar5d,
            ExpectedShortfall = report.ExpectedShortfall,
            PortfolioBeta = report.PortfolioBeta is { } beta && double.IsFinite(beta) && Math.Abs(beta) < 10_000 ? Math.Round((decimal)beta, 6) : null,
            SectorConcentrations = JsonSerializer.Serialize(report.SectorConcentrations, Json),
            SymbolConcentrations = JsonSerializer.Serialize(report.SymbolConcentrations, Json),
            CorrelationRisk = report.CorrelationRisk is { } rho && double.IsFinite(rho) ? Math.Round((decimal)rho, 6) : null,
            LongExposure = report.LongExposure,
            ShortExposure = report.ShortExposure,
            NetExposure = report.NetExposure,
            IlliquidPositions = JsonSerializer.Serialize(report.IlliquidPositions, Json),
            PortfolioTurnover = report.PortfolioTurnover is { } t && Math.Abs(t) < 10_000m ? Math.Round(t, 6) : null,
            CalculatedAt = now.UtcDateTime,
        };
        db.RiskCalculations.Add(row);
        RiskAlertService.Changes? changes = null;
        if (accountId is null)
        {
            // Alerts follow the user's whole book: raised (and cleared) by user-level calculations only.
            changes = await alerts.RaiseAsync(userId, await RiskSettings.LoadAsync(db, userId, ct), report, riskPositions, ct);
        }

        await db.SaveChangesAsync(ct);
        if (changes is not null)
        {
            await publisher.PublishRaisedAsync(changes.Raised, ct);
            await publisher.PublishUpdatedAsync(changes.Cleared, ct);
        }

        return new Outcome(row, report);
    }

    public async Task<IReadOnlyList<RiskCalculation>> ListAsync(Guid userId, Guid? accountId, int limit, CancellationToken ct) =>
        await db.RiskCalculations.AsNoTracking().Where(r => r.UserId == userId && (accountId == null || r.AccountId == accountId))
            .OrderByDescending(r => r.CalculatedAt).ThenByDescending(r => r.CalculationId).Take(limit).ToListAsync(ct);
}
