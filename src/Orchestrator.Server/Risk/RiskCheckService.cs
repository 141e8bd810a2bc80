using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Matching.Fees;
using Orchestrator.Domain.Portfolio;
using Orchestrator.Domain.Risk;
using Orchestrator.Server.Orders;
using Orchestrator.Server.Trading;
using Orchestrator.Server.Validation;
using Orchestrator.Storage.Model;
using DomainRiskProfile = Orchestrator.Domain.Risk.RiskProfile;

namespace Orchestrator.Server.Risk;

/// <summary>
/// "Would this order pass?": the account's own checks (allowed symbols, its position and volume limits, buying
/// power) and then the active risk profile's checklist with the user's kill switch, evaluated inside the
/// account's writer against its state at that moment, changing nothing. The daily loss is measured from the
/// last balance recorded before the New York trading day began (else from the equity now). Correlations are
/// not loaded yet, so max_correlation_exposure counts only the order's own symbol.
/// </summary>
public sealed class RiskCheckService(OrchestratorDbContext db, AccountWriters writers, TradingContext trading, TimeProvider time)
{
    public async Task<(RiskCheckView? Result, ValidationErrors? Errors, bool NotFound)> CheckAsync(Guid userId, PlaceOrderRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var (order, _, errors) = OrderRequestValidator.Validate(request, now);
        if (order is null)
        {
            return (null, errors, false);
        }

        var accountId = request.AccountId!.Value;
        if (!await writers.OwnsAsync(userId, accountId, db, ct))
        {
            return (null, null, true);
        }

        var user = await db.Users.AsNoTracking().Where(u => u.UserId == userId).Select(u => new { u.MaxDailyLoss, u.TradingState }).FirstAsync(ct);
        var active = await db.RiskProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId && p.IsActive, ct);
        var profile = active is null ? DomainRiskProfile.Default : ToDomain(active);
        var dayStart = TradingHours.UsEquities.StartOfDay(TradingHours.UsEquities.TradingDay(now)).UtcDateTime;
        var openEquity = await db.AccountBalances.AsNoTracking().Where(b => b.AccountId == accountId && b.RecordedAt < dayStart)
            .OrderByDescending(b => b.RecordedAt).Select(b => b.PortfolioValue).FirstOrDefaultAsync(ct);
        var killSwitch = Enum.Parse<KillSwitchState>(user.TradingState, ignoreCase: true);

        var violation = await writers.RunAsync(accountId, (writer, _) =>
        {
            var account = writer.State.Account;
            if (trading.ReferencePrice(order) is not { } price)
            {
                return Task.FromResult<(LimitViolation?, decimal?)>((
                    new LimitViolation("market_price", 0m, 0m, $"market_price: there is no market price for {order.Symbol} yet, so a market order's cost cannot be checked."), null));
            }

            var commission = trading.Fees.Commission(new FeeContext(order.Quantity, price, true));
            var own = account.Check(order, price, trading.Symbols.HoursOf(order.Symbol).TradingDay(now), commission).Violation;
            if (own is not null)
            {
                return Task.FromResult<(LimitViolation?, decimal?)>((own, price));
            }

            var positions = RiskPosition.FromAccount(account);
            var sectors = positions.Select(static p => p.Symbol).Append(order.Symbol).Distinct(StringComparer.Ordinal)
                .Select(s => (Symbol: s, trading.Symbols.Get(s).Sector)).Where(static s => s.Sector is not null)
                .ToDictionary(static s => s.Symbol, static s => s.Sector!, StringComparer.Ordinal);
            var context = new RiskContext(profile, account.Cash, positions, openEquity ?? account.Balance().PortfolioValue, sectors,
                killSwitch: killSwitch, userMaxDailyLoss: user.MaxDailyLoss);
            return Task.FromResult<(LimitViolation?, decimal?)>((RiskChecklist.Check(context, order, price), price));
        }, ct);

        var (found, reference) = violation;
        return (new RiskCheckView(found is null, found?.Limit, found?.Value, found?.Threshold, found?.Message, reference, active?.ProfileId, user.TradingState), null, false);
    }

    private static DomainRiskProfile ToDomain(Storage.Model.Entities.RiskProfile p) => new(
        p.MaxPositionSize, p.MaxSectorConcentration, p.MaxCorrelationExposure, p.MaxDailyLoss, p.MaxPortfolioRisk, p.MaxLongPositions,
        p.MaxShortPositions, p.MinCashPercentage, p.DefaultStopLossPercentage, p.TrailingStopEnabled ?? true, p.TrailingStopPercentage);
}
