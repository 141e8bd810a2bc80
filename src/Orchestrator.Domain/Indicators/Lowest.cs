namespace Orchestrator.Domain.Indicators;

/// <summary>The minimum of the last N values (TA-Lib MIN): see <see cref="RollingExtreme"/>.</summary>
public sealed class Lowest(int period) : RollingExtreme(period, maximum: false);
