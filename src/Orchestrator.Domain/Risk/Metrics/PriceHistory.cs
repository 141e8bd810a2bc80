namespace Orchestrator.Domain.Risk.Metrics;

/// <summary>
/// Daily closes per symbol (each series in ascending date order, one close per date) and the benchmark's. The series
/// need not cover the same dates: <see cref="AlignedReturns"/> keeps only the dates that every held symbol and the
/// benchmark have.
/// </summary>
public sealed record PriceHistory(
    IReadOnlyDictionary<string, IReadOnlyList<DailyClose>> Closes,
    string BenchmarkSymbol,
    IReadOnlyList<DailyClose> BenchmarkCloses);
