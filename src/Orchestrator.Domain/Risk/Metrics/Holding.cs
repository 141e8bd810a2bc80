namespace Orchestrator.Domain.Risk.Metrics;

/// <summary>
/// One holding as the risk metrics see it: <paramref name="Quantity"/> is signed (positive long, negative short),
/// <paramref name="Price"/> is the current mark. <paramref name="Sector"/> is null when unknown (it counts as
/// <see cref="Concentrations.UnknownSector"/>); <paramref name="AverageDailyVolume"/> is in shares, null when unknown.
/// </summary>
public sealed record Holding(string Symbol, decimal Quantity, decimal Price, string? Sector = null, decimal? AverageDailyVolume = null)
{
    /// <summary>Signed market value, quantity × price: negative for a short.</summary>
    public decimal Value => Quantity * Price;
}
