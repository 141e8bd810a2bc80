namespace Orchestrator.Domain.Risk.Metrics;

/// <summary>One session's closing price of one symbol.</summary>
public readonly record struct DailyClose(DateOnly Date, decimal Close);
