using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Matching.Fees;
using Orchestrator.Domain.Portfolio;
using Orchestrator.Domain.Risk;
using Orchestrator.Server.Orders;
using Orchestrator.Server.Trading;
using Orchestrator.Server.Validation;
using Orchestrator.Storage.Model;

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

        var settings = await RiskSettings.LoadAsync(db, userId, ct);
        var openEquity = await RiskSettings.SessionOpenEquityAsync(db, accountId, now, ct);
        var (found, reference) = await writers.RunAsync(accountId, (writer, _) =>
        {
            var account = writer.State.Account;
            if (trading.ReferencePrice(order) is not { } price)
            {
                return Task.FromResult<(LimitViolation?, decimal?)>((
                    new LimitViolation("market_price", 0m, 0m, $"market_price: there is no market price for {order.Symbol} yet, so a market order's cost cannot be checked."), null));
            }

            var commission = trading.Fees.Commission(new FeeContext(order.Quantity, price, true));
            var violation = account.Check(order, price, trading.Symbols.HoursOf(order.Symbol).TradingDay(now), commission).Violation
                ?? PreTradeRisk.Check(settings, account, openEquity, trading.Symbols, order, price);
            return Task.FromResult<(LimitViolation?, decimal?)>((violation, price));
        }, ct);

        return (new RiskCheckView(found is null, found?.Limit, found?.Value, found?.Threshold, found?.Message, reference, settings.ProfileId,
            settings.KillSwitch.ToName()), null, false);
    }
}
