using Orchestrator.Domain.Backtesting.Statistics;

namespace Orchestrator.Domain.Backtesting;

public sealed partial class BacktestEngine
{
    /// <summary>
    /// Ends the run: samples the last day, and builds the result (statistics, equity and drawdown curve, trades,
    /// orders). Positions still open stay open, as in Lean: they count in the end equity at their last close but
    /// are not trades.
    /// </summary>
    /// <param name="startDate">The first date of the requested range (the equity curve starts there with the initial capital).</param>
    /// <param name="endDate">The last date of the requested range.</param>
    public BacktestResult Finish(string strategyName, IReadOnlyDictionary<string, string> parameters, DateOnly startDate, DateOnly endDate)
    {
        ArgumentNullException.ThrowIfNull(strategyName);
        ArgumentNullException.ThrowIfNull(parameters);
        if (!_finished)
        {
            CloseDay();
            _finished = true;
        }

        // Orders still working at the end are reported as they stand; every other slot was filled when its order ended.
        foreach (var working in _working.Values)
        {
            _orders[working.Index] = working.ToResult();
        }

        var orders = new List<BacktestOrder>(_orders.Count);
        foreach (var order in _orders)
        {
            orders.Add(order ?? throw new InvalidOperationException("An order of the run has no result."));
        }

        var statistics = PerformanceStatistics.Compute(new StatisticsInput(
            _settings.InitialCapital, startDate, _days, _trades.TransactionRecords, _trades.ClosedTrades, _orders.Count, _totalFees,
            _settings.RiskFreeRate, _settings.TradingDaysPerYear));
        return new BacktestResult(
            strategyName,
            [.. _context.Symbols],
            startDate,
            endDate,
            _settings.InitialCapital,
            new SortedDictionary<string, string>(parameters.ToDictionary(), StringComparer.Ordinal),
            statistics,
            EquityCurve(startDate),
            [.. _trades.ClosedTrades],
            orders,
            BarsProcessed)
        {
            Executions = [.. _executions],
        };
    }

    private List<EquityPoint> EquityCurve(DateOnly startDate)
    {
        var curve = new List<EquityPoint>(_days.Count + 1);
        var peak = _settings.InitialCapital;
        curve.Add(new EquityPoint(_settings.Calendar.StartOfDay(startDate), peak, 0m));
        for (var i = 0; i < _days.Count; i++)
        {
            var equity = _days[i].Equity;
            peak = Math.Max(peak, equity);
            curve.Add(new EquityPoint(_dayCloses[i], equity, peak == 0m ? 0m : (peak - equity) / peak));
        }

        return curve;
    }
}
