using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Risk;

/// <summary>
/// Everything the pre-trade risk rules read about one account and its user, with the portfolio's totals kept
/// current: equity, gross exposure, exposure per sector, the count of long and short symbols, the risk to the
/// stops, and per symbol the exposure that moves with it (see <see cref="Rules.MaxCorrelationExposureRule"/>).
/// The per-account writer builds it once (O(positions)) and keeps it current with <see cref="Update"/> (O(the
/// symbol's correlated neighbours)), <see cref="Cash"/>, <see cref="SessionOpenEquity"/> and
/// <see cref="KillSwitch"/>, so a check costs one lookup and a few sums, never a pass over the positions.
/// <para>Definitions (every position valued at its <see cref="RiskPosition.Mark"/>):</para>
/// <list type="bullet">
/// <item>equity = cash + Σ signed quantity × mark (a short's sale proceeds sit in cash, as in <see cref="Portfolio.TradingAccount"/>);</item>
/// <item>gross exposure = Σ |quantity| × mark; a sector's exposure = the same sum over its symbols;</item>
/// <item>the day's P&amp;L = equity − <see cref="SessionOpenEquity"/> (see <see cref="DailyLoss"/>);</item>
/// <item>a position's risk to its stop = |quantity| × max(0, (mark − stop) × direction); without a stop, as if
/// it had the profile's default stop, |quantity| × mark × default_stop_loss_percentage; without that either, its
/// whole value (nothing limits the loss).</item>
/// </list>
/// Not thread-safe: the writer serializes calls, as for <see cref="Portfolio.TradingAccount"/>.
/// </summary>
public sealed partial class RiskContext
{
    private decimal _cash;
    private decimal _sessionOpenEquity;

    /// <param name="profile">The user's risk profile.</param>
    /// <param name="cash">The account's cash.</param>
    /// <param name="positions">One entry per symbol held or with working orders (see <see cref="RiskPosition.FromAccount"/>).</param>
    /// <param name="sessionOpenEquity">Equity at the current session's open.</param>
    /// <param name="sectors">Symbol → sector (the symbols table); a symbol without one counts toward no sector.</param>
    /// <param name="correlations">Return correlations; none when null.</param>
    /// <param name="killSwitch">The user's kill switch.</param>
    /// <param name="userMaxDailyLoss">The user's own <c>users.max_daily_loss</c>, beside the profile's.</param>
    /// <param name="otherAccountsDailyPnl">
    /// The day's P&amp;L of the user's other accounts (in this account's currency): the daily loss limit is the user's, so
    /// the loss it is held against is the sum over the user's accounts.
    /// </param>
    public RiskContext(
        RiskProfile profile,
        decimal cash,
        IEnumerable<RiskPosition> positions,
        decimal sessionOpenEquity,
        IReadOnlyDictionary<string, string>? sectors = null,
        CorrelationMatrix? correlations = null,
        KillSwitchState killSwitch = KillSwitchState.Active,
        decimal? userMaxDailyLoss = null,
        decimal otherAccountsDailyPnl = 0m)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(positions);
        Profile = profile;
        _sectors = sectors ?? new Dictionary<string, string>();
        Correlations = correlations ?? CorrelationMatrix.Empty;
        KillSwitch = killSwitch;
        UserMaxDailyLoss = userMaxDailyLoss;
        OtherAccountsDailyPnl = otherAccountsDailyPnl;
        DailyLossLimit = DailyLoss.Limit(userMaxDailyLoss, profile.MaxDailyLoss);
        Limits = new ScreenLimits(profile);
        _cash = cash;
        _sessionOpenEquity = sessionOpenEquity;
        foreach (var position in positions)
        {
            Update(position);
        }

        RefreshTotals();
    }

    public RiskProfile Profile { get; }

    public decimal Cash
    {
        get => _cash;
        set
        {
            _cash = value;
            RefreshTotals();
        }
    }

    /// <summary>Equity at the current session's open; the writer sets it at each open.</summary>
    public decimal SessionOpenEquity
    {
        get => _sessionOpenEquity;
        set
        {
            _sessionOpenEquity = value;
            RefreshTotals();
        }
    }

    public KillSwitchState KillSwitch { get; set; }

    public CorrelationMatrix Correlations { get; }

    public decimal? UserMaxDailyLoss { get; }

    /// <summary>The lower of the user's and the profile's max_daily_loss.</summary>
    public decimal? DailyLossLimit { get; }

    public decimal Equity => _cash + _netValue;

    public decimal GrossExposure { get; private set; }

    /// <summary>The day's P&amp;L of the user's other accounts, counted in <see cref="DailyPnl"/>.</summary>
    public decimal OtherAccountsDailyPnl { get; }

    /// <summary>The user's day: equity − <see cref="SessionOpenEquity"/> + <see cref="OtherAccountsDailyPnl"/>; negative is a loss.</summary>
    public decimal DailyPnl => Equity - _sessionOpenEquity + OtherAccountsDailyPnl;

    /// <summary>How many symbols are held long.</summary>
    public int LongPositions { get; private set; }

    /// <summary>How many symbols are held short.</summary>
    public int ShortPositions { get; private set; }

    /// <summary>Σ over positions of the risk to their stop (see the definitions above).</summary>
    public decimal StopRisk { get; private set; }

    public string? SectorOf(string symbol) => _sectors.GetValueOrDefault(symbol);

    /// <summary>Σ |quantity| × mark over the sector's positions.</summary>
    public decimal SectorExposure(string sector) => _sectorTotals.TryGetValue(sector, out var total) ? total.Exposure : 0m;

    public RiskPosition? Position(string symbol) => _symbols.TryGetValue(symbol, out var state) ? state.Position : null;

    /// <summary>What <paramref name="order"/> would do at <paramref name="referencePrice"/> (the limit price, or the last price for a market order).</summary>
    public OrderImpact Impact(Order order, decimal referencePrice)
    {
        ArgumentNullException.ThrowIfNull(order);
        return Impact(order, referencePrice, _symbols.GetValueOrDefault(order.Symbol));
    }

    internal OrderImpact Impact(Order order, decimal referencePrice, SymbolState? state)
    {
        if (referencePrice <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(referencePrice), referencePrice, "The reference price must be positive.");
        }

        var buy = order.Side == OrderSide.Buy;
        var position = state?.Position;
        var held = position?.Quantity ?? 0m;
        var pending = position is null ? 0m : buy ? position.PendingBuy : position.PendingSell;
        var moving = pending + order.Quantity;
        var after = buy ? held + moving : held - moving;
        var isReducing = (buy ? held < 0m : held > 0m) && moving <= Math.Abs(held);
        var exposureBefore = state?.Exposure ?? 0m;
        var exposureAfter = Math.Abs(after) * referencePrice;
        var equity = Equity;
        var equityAfter = held == 0m ? equity : equity + (held * (referencePrice - position!.Mark));
        return new OrderImpact(order, referencePrice, held, pending, after, isReducing, exposureBefore, exposureAfter,
            GrossExposure - exposureBefore + exposureAfter, equityAfter, state);
    }

    /// <summary>A position's risk to its stop (see the definitions above).</summary>
    internal decimal RiskToStop(decimal quantity, decimal price, decimal? stop)
    {
        if (quantity == 0m)
        {
            return 0m;
        }

        if (stop is { } s)
        {
            var distance = quantity > 0m ? price - s : s - price;
            return distance > 0m ? Math.Abs(quantity) * distance : 0m;
        }

        return Math.Abs(quantity) * price * (Profile.DefaultStopLossPercentage is > 0m and var pct ? pct : 1m);
    }
}
