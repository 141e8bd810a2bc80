using Orchestrator.Domain.Strategies.Parameters;
using Orchestrator.Domain.Strategies.Templates;

namespace Orchestrator.Domain.Backtesting;

/// <summary>One backtest to run: a template with resolved parameters, over symbols and an inclusive date range.</summary>
/// <param name="StartDate">First trading day (a local date of <see cref="BacktestSettings.Calendar"/>).</param>
/// <param name="EndDate">Last trading day, inclusive.</param>
/// <param name="Name">The name the result carries; the template's name when null.</param>
public sealed record BacktestRequest(
    StrategyTemplateDefinition Template,
    ParameterSet Parameters,
    IReadOnlyList<string> Symbols,
    DateOnly StartDate,
    DateOnly EndDate,
    BacktestSettings Settings,
    string? Name = null)
{
    /// <summary>The instant the range starts (start of <see cref="StartDate"/> in the calendar's zone).</summary>
    public DateTimeOffset From => Settings.Calendar.StartOfDay(StartDate);

    /// <summary>The instant the range ends, exclusive (start of the day after <see cref="EndDate"/>).</summary>
    public DateTimeOffset To => Settings.Calendar.StartOfDay(EndDate.AddDays(1));

    /// <summary>The symbols whose bars the run needs: the strategy's and the benchmark.</summary>
    public IReadOnlyList<string> DataSymbols =>
        Settings.BenchmarkSymbol is { } b && !Symbols.Contains(b, StringComparer.Ordinal) ? [.. Symbols, b] : Symbols;
}
