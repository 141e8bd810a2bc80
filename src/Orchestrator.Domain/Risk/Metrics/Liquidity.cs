namespace Orchestrator.Domain.Risk.Metrics;

/// <summary>
/// Positions too large to exit quickly. Exiting at a participation rate p of the average daily volume (10 % by
/// default, a common ceiling before a trader moves the price) takes days = |quantity| ÷ (p × ADV); a position is
/// illiquid when that exceeds the allowed days (1 by default, i.e. more than 10 % of ADV). A position with no known
/// volume (ADV null or ≤ 0) is listed too, with the volume figures null: it cannot be shown to be liquid.
/// Listed most days-to-liquidate first, unknown volume ahead of all, ties by symbol.
/// </summary>
public static class Liquidity
{
    /// <summary>The illiquid positions of <paramref name="positions"/>, exactly (decimal).</summary>
    public static IReadOnlyList<IlliquidPosition> IlliquidPositions(
        IReadOnlyList<Holding> positions, decimal participation = 0.10m, decimal allowedDays = 1m)
    {
        ArgumentNullException.ThrowIfNull(positions);
        if (participation is <= 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(participation), participation, "Participation must be in (0, 1].");
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(allowedDays);
        var illiquid = new List<IlliquidPosition>();
        foreach (var position in positions)
        {
            var shares = Math.Abs(position.Quantity);
            if (shares == 0m)
            {
                continue;
            }
            if (position.AverageDailyVolume is not { } adv || adv <= 0m)
            {
                illiquid.Add(new IlliquidPosition(position.Symbol, shares, null, null, null));
                continue;
            }
            var days = shares / (participation * adv);
            if (days > allowedDays)
            {
                illiquid.Add(new IlliquidPosition(position.Symbol, shares, adv, shares / adv, days));
            }
        }
        return [.. illiquid
            .OrderByDescending(p => p.DaysToLiquidate ?? decimal.MaxValue)
            .ThenBy(p => p.Symbol, StringComparer.Ordinal)];
    }
}
