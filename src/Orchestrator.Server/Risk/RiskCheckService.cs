using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Risk;
using Orchestrator.Server.Orders;
using Orchestrator.Server.Trading;
using Orchestrator.Server.Validation;
using Orchestrator.Storage.Model;

namespace Orchestrator.Server.Risk;

/// <summary>
/// "Would this order pass?": the order path's validation of the request (<see cref="OrderRequestValidator"/>, the
/// symbol universe and tick size included, a 422 as there), then the account's own checks (allowed symbols, its position and volume limits,
/// buying power) and the active risk profile's checklist with the user's kill switch, evaluated inside the
/// account's writer against its state at that moment, changing nothing: the same <see cref="OrderChecks.EvaluateAsync"/>
/// as the order path, with the settings, the day's starting equity and the correlations the writer holds. What the
/// order path refuses before any check (a client order id already used, a disconnected account) fails the dry run
/// first, in the same order, so "would pass" is never said of an order that would not be placed.
/// </summary>
public sealed class RiskCheckService(OrchestratorDbContext db, AccountWriters writers, TradingContext trading, TimeProvider time)
{
    public async Task<(RiskCheckView? Result, ValidationErrors? Errors, bool NotFound)> CheckAsync(Guid userId, PlaceOrderRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        await trading.Symbols.EnsureLoadedAsync(db, ct);
        var (order, clientOrderId, errors) = OrderRequestValidator.Validate(request, now, trading.Symbols);
        if (order is null)
        {
            return (null, errors, false);
        }

        var accountId = request.AccountId!.Value;
        if (!await writers.OwnsAsync(userId, accountId, db, ct))
        {
            return (null, null, true);
        }

        var claimedBy = clientOrderId is null ? null : await db.OrderClientIds.AsNoTracking()
            .Where(c => c.AccountId == accountId && c.ClientOrderId == clientOrderId).Select(c => (Guid?)c.OrderId).SingleOrDefaultAsync(ct);
        var (found, reference, connected, settings) = await writers.RunAsync(accountId, async (writer, token) =>
        {
            var (violation, price, _, risk) = await OrderChecks.EvaluateAsync(writer, trading, null, order, now, token);
            return (violation, price, writer.State.Connected, risk);
        }, ct);

        RiskCheckView View(string? limit, decimal? value, decimal? threshold, string? reason) =>
            new(limit is null, limit, value, threshold, reason, reference, settings.ProfileId, settings.KillSwitch.ToName());

        if (claimedBy is { } existing)
        {
            return (View("client_order_id", null, null,
                $"clientOrderId '{clientOrderId}' was already used for order {existing}: placing this order returns that order and places nothing new."), null, false);
        }

        return (connected ? View(found?.Limit, found?.Value, found?.Threshold, found?.Message) : View("account_connected", null, null, SubmitOrderCommand.DisconnectedDetail),
            null, false);
    }
}
