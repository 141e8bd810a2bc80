namespace Orchestrator.Domain.Risk.Metrics;

/// <summary>
/// The history cannot support an estimate: a held symbol has no closes, or fewer than
/// <see cref="HistoricalVar.MinimumDays"/> daily returns remain on the aligned calendar. <see cref="RiskCalculator"/>
/// turns it into <see cref="HistoryCoverage.Problem"/> instead of a made-up number.
/// </summary>
public sealed class InsufficientHistoryException : Exception
{
    public InsufficientHistoryException(string message)
        : base(message)
    {
    }

    public InsufficientHistoryException()
    {
    }

    public InsufficientHistoryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Fewer daily returns than the estimators need.</summary>
    public static InsufficientHistoryException TooFewReturns(int available) =>
        new($"Insufficient history: {available} daily returns, at least {HistoricalVar.MinimumDays} are required.");

    /// <summary>A held symbol without any close.</summary>
    public static InsufficientHistoryException NoCloses(string symbol) => new($"Insufficient history: no closes for {symbol}.");
}
