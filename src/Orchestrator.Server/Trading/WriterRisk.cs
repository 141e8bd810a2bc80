using Orchestrator.Domain.MarketData;
using Orchestrator.Server.Risk;
using Orchestrator.Storage.Model;

namespace Orchestrator.Server.Trading;

/// <summary>
/// The user's risk settings as an account's writer holds them, reloaded when they changed since the writer last
/// read them (the epoch is read before the load, so a change racing the load only causes one more reload), and
/// the equity the day's loss is measured from, read once per New York trading day.
/// </summary>
internal static class WriterRisk
{
    /// <summary>The settings, current as of <paramref name="now"/>; <paramref name="db"/> is the batch's context, or null to use one of its own (after a commit).</summary>
    public static async Task<RiskSettings> EnsureAsync(AccountWriter writer, TradingContext trading, OrchestratorDbContext? db, DateTimeOffset now, CancellationToken ct)
    {
        var state = writer.State;
        var epoch = trading.RiskEpochs.Of(state.UserId);
        var today = TradingHours.UsEquities.TradingDay(now);
        if (state.Risk is not null && state.RiskEpoch == epoch && state.RiskDay == today)
        {
            return state.Risk;
        }

        var own = db is null ? writer.NewContext() : null;
        try
        {
            var context = db ?? own!;
            if (state.Risk is null || state.RiskEpoch != epoch)
            {
                state.Risk = await RiskSettings.LoadAsync(context, state.UserId, ct);
                state.RiskEpoch = epoch;
                state.HaltRequested = false;
            }

            if (state.RiskDay != today)
            {
                state.SessionOpenEquity = await RiskSettings.SessionOpenEquityAsync(context, writer.AccountId, now, ct) ?? state.Account.Balance().PortfolioValue;
                state.RiskDay = today;
                state.HaltRequested = false;
            }

            return state.Risk;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }
}
