namespace Orchestrator.Server.Trading;

/// <summary>
/// What the writer keeps about an order beside the domain's <see cref="Domain.Orders.Order"/>: the columns the
/// engine has no use for but every row update needs (the partition key, the owner, the running commission).
/// </summary>
internal sealed record OrderRecord(Guid UserId, DateTime SubmittedAt, string? ClientOrderId, string Source, Guid? StrategyId)
{
    public decimal Commission { get; set; }

    public string? BrokerOrderId { get; set; }

    /// <summary>The strategy signal behind the order (null for other orders; a restored working order gets it back from its <c>trading_signals</c> row).</summary>
    public Orchestration.StrategySignal? Signal { get; init; }

    /// <summary>The stop loss of the signal behind the order: the position it opens gets its stop there.</summary>
    public decimal? StopLoss => Signal?.Signal.StopLoss;

    /// <summary>The take-profit of the signal behind the order, attached to the position it opens.</summary>
    public decimal? TakeProfit => Signal?.Signal.TakeProfit;
}
