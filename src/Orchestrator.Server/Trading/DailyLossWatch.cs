using Orchestrator.Domain.Risk;
using Orchestrator.Server.Risk.KillSwitch;

namespace Orchestrator.Server.Trading;

/// <summary>
/// After each committed batch that moved an account's equity (a fill, a mark), the writer compares the user's day's
/// P&amp;L (equity now − equity at the session's start: realized and unrealized, net of commissions; this account's
/// plus the user's other accounts' in the same currency, as <see cref="UserDayPnl"/> last heard from their writers)
/// with the lower of the user's and the profile's max_daily_loss. At the limit it reports a breach to the kill
/// switch once (until the user's settings change or the day turns) and goes on: the writer never waits on the kill
/// switch, which cancels orders through the writers.
/// </summary>
internal static class DailyLossWatch
{
    public static async Task CheckAsync(AccountWriter writer, TradingContext trading, DateTimeOffset now, CancellationToken ct)
    {
        var state = writer.State;
        if (state is null)
        {
            return;
        }

        // Every change is reported, whether or not this account may breach now, so the other accounts' checks see it.
        var settings = await WriterRisk.EnsureAsync(writer, trading, null, now, ct);
        var balance = state.Account.Balance();
        var own = balance.PortfolioValue - state.SessionOpenEquity!.Value;
        trading.DayPnl.Report(state.UserId, writer.AccountId, state.RiskDay!.Value, balance.Currency, own);
        if (state.HaltRequested || settings.KillSwitch == KillSwitchState.Halted
            || DailyLoss.Limit(settings.UserMaxDailyLoss, settings.Profile.MaxDailyLoss) is not { } limit)
        {
            return;
        }

        var pnl = own + trading.DayPnl.Others(state.UserId, writer.AccountId, state.RiskDay!.Value, balance.Currency);
        if (DailyLoss.IsHit(pnl, limit))
        {
            state.HaltRequested = true;
            trading.DailyLossBreaches.Post(new DailyLossBreach(state.UserId, writer.AccountId, pnl, limit, now));
        }
    }
}
