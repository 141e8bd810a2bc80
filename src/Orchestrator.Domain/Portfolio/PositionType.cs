namespace Orchestrator.Domain.Portfolio;

/// <summary>The seed's <c>positions.position_type</c>: the direction the position was opened in (kept once it is closed).</summary>
public enum PositionType
{
    Long,
    Short,
}

public static class PositionTypeExtensions
{
    /// <summary>The stored name: <c>LONG</c> or <c>SHORT</c>.</summary>
    public static string ToSeedName(this PositionType type) => type == PositionType.Short ? "SHORT" : "LONG";
}
