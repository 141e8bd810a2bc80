using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Risk;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Risk.KillSwitch;
using Orchestrator.Server.Validation;
using Orchestrator.Storage.Model;

namespace Orchestrator.Server.Risk;

/// <summary>
/// The user's kill switch as stored (users.trading_state): read it, and set it by hand (ACTIVE, REDUCING,
/// HALTED) with a reason, through the <see cref="KillSwitchService"/> (audited; HALTED cancels the working orders,
/// REDUCING those that would open exposure). What each state lets through is the risk checks' business.
/// </summary>
public sealed class TradingStateService(OrchestratorDbContext db, KillSwitchService killSwitch)
{
    public static readonly string[] States = ["ACTIVE", "REDUCING", "HALTED"];

    public async Task<TradingStateView?> GetAsync(Guid userId, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.UserId == userId)
            .Select(u => new TradingStateView(u.TradingState, u.TradingStateReason, u.TradingStateChangedAt)).FirstOrDefaultAsync(ct);

    public async Task<(TradingStateView? State, ValidationErrors? Errors)> SetAsync(Guid userId, TradingStateRequest request, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var state = request.State?.Trim().ToUpperInvariant();
        var errors = new ValidationErrors()
            .Check(state is not null && States.Contains(state), "state", "must be ACTIVE, REDUCING or HALTED")
            .Check(request.Reason is null || request.Reason.Length <= 500, "reason", "at most 500 characters");
        if (errors.Any)
        {
            return (null, errors);
        }

        await killSwitch.SetAsync(userId, Enum.Parse<KillSwitchState>(state!, ignoreCase: true), request.Reason ?? "set by the user", actor, ct);
        return (await GetAsync(userId, ct), null);
    }
}
