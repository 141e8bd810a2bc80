namespace Orchestrator.Domain.Risk;

/// <summary>
/// The daily loss limit, shared by the max_daily_loss rule and the <see cref="KillSwitch"/>. The day's P&amp;L is
/// equity now − equity at the session open: realized and unrealized P&amp;L since the open, net of commissions
/// (the caller moves the session-open equity by any deposit or withdrawal made during the session). The limit is
/// hit when the loss reaches it: loss &gt; 0 and loss ≥ limit.
/// </summary>
public static class DailyLoss
{
    /// <summary>The lower of the user's <c>users.max_daily_loss</c> and the profile's <c>max_daily_loss</c>; null when neither is set.</summary>
    public static decimal? Limit(decimal? userLimit, decimal? profileLimit) => (userLimit, profileLimit) switch
    {
        ({ } user, { } profile) => Math.Min(user, profile),
        ({ } user, null) => user,
        (null, var profile) => profile,
    };

    /// <summary>Whether a day's P&amp;L of <paramref name="dailyPnl"/> (negative = a loss) has hit <paramref name="limit"/>.</summary>
    public static bool IsHit(decimal dailyPnl, decimal? limit) => limit is { } l && dailyPnl < 0m && -dailyPnl >= l;
}
