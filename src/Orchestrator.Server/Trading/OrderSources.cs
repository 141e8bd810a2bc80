namespace Orchestrator.Server.Trading;

/// <summary>
/// Who sent an order (<c>orders.order_source</c>): the seed's three, and the platform's own protective exits. The
/// database's CHECK lists the same four (migration 20261127_011_risk_order_source).
/// </summary>
public static class OrderSources
{
    /// <summary>A person, through a session (the dashboard, the CLI logged in).</summary>
    public const string Manual = "MANUAL";

    /// <summary>A strategy's signal, routed by the runner.</summary>
    public const string Strategy = "STRATEGY";

    /// <summary>A program of the user's, with an API key.</summary>
    public const string Api = "API";

    /// <summary>The platform itself: a position's protective stop or take-profit exit.</summary>
    public const string Risk = "RISK";
}
