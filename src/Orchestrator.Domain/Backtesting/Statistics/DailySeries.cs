namespace Orchestrator.Domain.Backtesting.Statistics;

/// <summary>
/// The series Lean's <c>PortfolioStatistics</c> is built from, made from the daily samples the way Lean's results
/// handler samples a backtest (<c>Engine/Results/BaseResultsHandler.cs</c>, <c>Sample</c>) and its statistics builder
/// lines the samples up (<c>Common/Statistics/StatisticsBuilder.cs</c>, <c>GetAlgorithmPerformance</c>).
/// </summary>
/// <remarks>
/// Lean samples once at the start (day 0: the starting capital) and then at each midnight, so day d's close is keyed
/// at the midnight that ends d, d + 1 here. (Lean's last sample is at the end of the run, which for daily data is the
/// same midnight and for intraday data the last bar, under a day earlier.)
/// <list type="bullet">
/// <item>Equity: day 0 then each close.</item>
/// <item>Performance: each day's equity change in percent, Lean's <c>Math.Round((equity − previous) × 100 ÷ previous, 10)</c>
/// (0 when the previous equity is 0), divided by 100. Lean drops day 0 and day 1 "to deal with the OnOpen orders causing
/// misalignment" (<c>PreprocessPerformanceValues</c>), so the series starts with day 2's return.</item>
/// <item>Benchmark: the benchmark's change from the previous day ((close − previous) ÷ previous, 0 when the previous is
/// 0), from day 2 on (<c>CreateBenchmarkDifferences</c> skips the first change), the same length as performance.
/// Closes pass through Lean's <c>SmartRounding</c>. A missing close keeps the last known one (Lean's benchmark holds its
/// last price), and with none known yet it is 0, as Lean's benchmark value is with no benchmark, so those days change
/// by 0.</item>
/// <item>Turnover: each day's traded value ÷ that day's closing equity, skipping days with zero equity
/// (<c>SamplePortfolioTurnover</c>; Lean takes no turnover sample at the start).</item>
/// </list>
/// </remarks>
internal sealed record DailySeries(
    IReadOnlyList<(DateOnly Date, decimal Equity)> Equity,
    IReadOnlyList<double> Performance,
    IReadOnlyList<double> Benchmark,
    IReadOnlyList<decimal> Turnover)
{
    public static DailySeries From(StatisticsInput input)
    {
        var equity = new List<(DateOnly, decimal)>(input.Days.Count + 1) { (input.StartDate, input.StartingCapital) };
        var performance = new List<double>();
        var benchmark = new List<double>();
        var turnover = new List<decimal>();

        var previousEquity = input.StartingCapital;
        var previousBenchmark = 0m;
        for (var k = 0; k < input.Days.Count; k++)
        {
            var day = input.Days[k];
            equity.Add((day.Date.AddDays(1), day.Equity));

            var close = day.BenchmarkClose is { } value ? LeanNumerics.SmartRounding(value) : previousBenchmark;
            if (k > 0)
            {
                var percent = previousEquity == 0 ? 0 : Math.Round((day.Equity - previousEquity) * 100 / previousEquity, 10);
                performance.Add((double)(percent / 100));
                benchmark.Add(previousBenchmark == 0 ? 0 : (double)((close - previousBenchmark) / previousBenchmark));
            }
            if (day.Equity != 0)
            {
                turnover.Add(day.TradedNotional / day.Equity);
            }

            previousEquity = day.Equity;
            previousBenchmark = close;
        }
        return new DailySeries(equity, performance, benchmark, turnover);
    }
}
