namespace Orchestrator.Domain.Portfolio;

/// <summary>
/// An account's trading limits (the seed's <c>trading_accounts</c> columns); null means no limit.
/// </summary>
/// <param name="MaxPositionSize">
/// max_position_size, in account currency: the largest absolute position value allowed in one symbol, measured
/// as |projected quantity| × the order's reference price, where the projection assumes this order and every
/// open order on the same side of the symbol fill (opposite-side orders may never fill, so they do not offset).
/// An order that brings the position closer to zero always passes.
/// </param>
/// <param name="MaxDailyVolume">
/// max_daily_volume, in account currency: the notional accepted per trading day (the symbol's local date),
/// quantity × reference price of every order accepted that day, open or filled; a rejected order never counts
/// and a cancel does not give its volume back (else place-and-cancel would reset the limit).
/// </param>
/// <param name="AllowedSymbols">The symbols the account may trade; null allows all. Its comparer decides case.</param>
public sealed record AccountLimits(decimal? MaxPositionSize, decimal? MaxDailyVolume, IReadOnlySet<string>? AllowedSymbols)
{
    public static AccountLimits None { get; } = new(null, null, null);
}
