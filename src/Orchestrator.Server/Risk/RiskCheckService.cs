using Orchestrator.Domain.Risk;
using Orchestrator.Server.Orders;
using Orchestrator.Server.Trading;
using Orchestrator.Server.Validation;
using Orchestrator.Storage.Model;

namespace Orchestrator.Server.Risk;

/// <summary>
/// "Would this order pass?": the order path's validation of the request (<see cref="OrderRequestValidator"/>, tick
/// size included, a 422 as there), then the account's own checks (allowed symbols, its position and volume limits,
/// buying power) and the active risk profile's checklist with the user's kill switch, evaluated inside the
/// account's writer against its state at that moment, changing nothing: the same <see cref="OrderChecks.EvaluateAsync"/>
/// as the order path, with the settings, the day's starting equity and the correlations the writer holds.
/// </summary>
public sealed class RiskCheckService(OrchestratorDbContext db, AccountWriters writers, TradingContext trading, TimeProvider time)
{
    public async Task<(RiskCheckView? Result, ValidationErrors? Errors, bool NotFound)> CheckAsync(Guid userId, PlaceOrderRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var (order, _, errors) = OrderRequestValidator.Validate(request, now, trading.Symbols);
        if (order is null)
        {
            return (null, errors, false);
        }

        var accountId = request.AccountId!.Value;
        if (!await writers.OwnsAsync(userId, accountId, db, ct))
        {
            return (null, null, true);
        }

        var (found, reference, _, settings) = await writers.RunAsync(accountId,
            (writer, token) => OrderChecks.EvaluateAsync(writer, trading, null, order, now, token), ct);

        return (new RiskCheckView(found is null, found?.Limit, found?.Value, found?.Threshold, found?.Message, reference, settings.ProfileId,
            settings.KillSwitch.ToName()), null, false);
    }
}
