namespace Orchestrator.Domain.Indicators;

/// <summary>The maximum of the last N values (TA-Lib MAX): see <see cref="RollingExtreme"/>.</summary>
public sealed class Highest(int period) : RollingExtreme(period, maximum: true);
