using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Strategies.Parameters;
using Orchestrator.Domain.Strategies.Templates;

namespace Orchestrator.Domain.Backtesting.Optimization;

/// <summary>One combination of a grid search and its backtest (null result: the combination broke a template rule).</summary>
public sealed record OptimizationRun(IReadOnlyDictionary<string, object> Values, BacktestResult? Result, decimal? Score, string? Error);

/// <summary>
/// Grid search: every combination of the ranges (on top of fixed overrides) is backtested over the same
/// in-memory bars, in parallel on all cores (each run has its own engine, strategy and exchange; the bars are
/// shared read-only), then ranked by the objective, best first; ties keep grid order, so the ranking is
/// deterministic. Combinations that break a template rule (e.g. short period not below long) are reported,
/// not run.
/// </summary>
public static class GridSearch
{
    public static IReadOnlyList<OptimizationRun> Run(
        StrategyTemplateDefinition template,
        IReadOnlyDictionary<string, object> fixedValues,
        IReadOnlyList<ParameterRange> ranges,
        Bar[] bars,
        IReadOnlyList<string> symbols,
        DateOnly startDate,
        DateOnly endDate,
        BacktestSettings settings,
        Objective objective,
        int maxDegreeOfParallelism = -1,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(fixedValues);
        ArgumentNullException.ThrowIfNull(ranges);
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(objective);
        var combinations = Combinations(fixedValues, ranges);
        var runs = new OptimizationRun[combinations.Count];
        var done = 0;
        Parallel.For(0, combinations.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken }, i =>
        {
            var values = combinations[i];
            var resolution = template.Validate(template.Parameters.Resolve(values));
            if (resolution.Parameters is not { } parameters)
            {
                runs[i] = new OptimizationRun(values, null, null, string.Join("; ", resolution.Errors.Select(static e => e.Message)));
            }
            else
            {
                var request = new BacktestRequest(template, parameters, symbols, startDate, endDate, settings);
                var result = Backtester.Run(request, bars, cancellationToken: cancellationToken);
                runs[i] = new OptimizationRun(values, result, objective.Score(result), null);
            }

            progress?.Report(Interlocked.Increment(ref done));
        });

        return Rank(runs);
    }

    /// <summary>Best score first; runs that could not run last; ties in grid order (a stable sort).</summary>
    public static IReadOnlyList<OptimizationRun> Rank(IEnumerable<OptimizationRun> runs) =>
        [.. runs.Select(static (run, index) => (run, index))
            .OrderBy(static x => x.run.Score is null)
            .ThenByDescending(static x => x.run.Score ?? 0m)
            .ThenBy(static x => x.index)
            .Select(static x => x.run)];

    /// <summary>Every combination, the last range varying fastest.</summary>
    public static List<Dictionary<string, object>> Combinations(IReadOnlyDictionary<string, object> fixedValues, IReadOnlyList<ParameterRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(fixedValues);
        ArgumentNullException.ThrowIfNull(ranges);
        var combinations = new List<Dictionary<string, object>> { new(fixedValues, StringComparer.Ordinal) };
        foreach (var range in ranges)
        {
            combinations = [.. combinations.SelectMany(c => range.Values.Select(v => new Dictionary<string, object>(c, StringComparer.Ordinal) { [range.Path] = v }))];
        }

        return combinations;
    }
}
