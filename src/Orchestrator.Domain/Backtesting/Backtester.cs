using Orchestrator.Domain.MarketData;

namespace Orchestrator.Domain.Backtesting;

/// <summary>
/// Runs a <see cref="BacktestRequest"/> over a time-ordered stream of bars (bars outside the request's range
/// are skipped), reporting progress as the fraction of the date range covered.
/// </summary>
public static class Backtester
{
    /// <summary>Bars between progress reports and cancellation checks: rare enough to cost nothing on the hot path.</summary>
    private const int CheckEvery = 16_384;

    public static BacktestResult Run(
        BacktestRequest request, IEnumerable<Bar> bars, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(bars);
        var run = new RunState(request, progress);
        if (bars is Bar[] array)
        {
            // Arrays (the optimizer's shared in-memory bars) skip the enumerator and pass each bar by reference.
            for (var i = 0; i < array.Length; i++)
            {
                run.Feed(in array[i], cancellationToken);
            }
        }
        else
        {
            foreach (var bar in bars)
            {
                run.Feed(in bar, cancellationToken);
            }
        }

        return run.Finish();
    }

    public static async Task<BacktestResult> RunAsync(
        BacktestRequest request, IAsyncEnumerable<Bar> bars, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(bars);
        var run = new RunState(request, progress);
        await foreach (var bar in bars.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            run.Feed(in bar, cancellationToken);
        }

        return run.Finish();
    }

    /// <summary>One run's state between bars, shared by the synchronous and the asynchronous loop.</summary>
    private sealed class RunState(BacktestRequest request, IProgress<double>? progress)
    {
        private readonly BacktestEngine _engine = new(request.Settings, request.Template.Create(request.Parameters), request.Symbols);
        private readonly DateTimeOffset _from = request.From;
        private readonly DateTimeOffset _to = request.To;
        private int _sinceCheck;

        public void Feed(in Bar bar, CancellationToken cancellationToken)
        {
            if (bar.Start < _from || bar.Start >= _to)
            {
                return;
            }

            _engine.OnBar(bar);
            if (++_sinceCheck == CheckEvery)
            {
                _sinceCheck = 0;
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report((double)(bar.Start - _from).Ticks / (_to - _from).Ticks);
            }
        }

        public BacktestResult Finish()
        {
            var result = _engine.Finish(
                request.Name ?? request.Template.Name,
                request.Parameters.AsText().ToDictionary(static kv => kv.Key, static kv => kv.Value, StringComparer.Ordinal),
                request.StartDate,
                request.EndDate);
            progress?.Report(1d);
            return result;
        }
    }
}
