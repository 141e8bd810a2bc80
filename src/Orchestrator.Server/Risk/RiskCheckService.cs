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
/// last balance recorded before the New York trading day began (else from the equity now). max_correlation_exposure
/// uses the same correlations as the order path (the account's <see cref="AccountCorrelations"/>).
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
        var (found, reference, _) = await writers.RunAsync(accountId, async (writer, token) =>
        {
            var state = writer.State;
            var correlations = await state.Correlations.ForOrderAsync(settings, trading.Correlations, state.Account, order.Symbol, now, token);
            return OrderChecks.Evaluate(state.Account, trading, order, now, settings, openEquity, correlations);
        }, ct);

        return (new RiskCheckView(found is null, found?.Limit, found?.Value, found?.Threshold, found?.Message, reference, settings.ProfileId,
            settings.KillSwitch.ToName()), null, false);
    }
}
