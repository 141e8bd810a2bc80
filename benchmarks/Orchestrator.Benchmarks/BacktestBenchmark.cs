using System.Diagnostics;
using System.Globalization;
using Orchestrator.Domain.Backtesting;
using Orchestrator.Domain.Indicators;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Strategies.Templates;

namespace Orchestrator.Benchmarks;

/// <summary>
/// Bars per second through the whole backtester (paper exchange, account, crossover strategy, signals, orders,
/// fills, daily samples and statistics) beside the limit measured in the same run: a plain loop over the same
/// in-memory bars that only updates the crossover's two moving averages per symbol. Data: the seeded synthetic
/// generator, 10 symbols x 252 trading days x 390 minutes = 982,800 bars, built in memory before timing.
/// <c>dotnet run -c Release --project benchmarks/Orchestrator.Benchmarks -- backtest [days] [rounds] [template]</c>
/// </summary>
public static class BacktestBenchmark
{
    private const int Symbols = 10;

    public static int Run(string[] args)
    {
        var days = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 252;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var generator = new SyntheticBarGenerator(20261126);
        var symbols = generator.Symbols(Symbols);
        var first = new DateOnly(2025, 1, 2);
        var bars = generator.Bars(symbols, first, days).ToArray();
        var last = DateOnly.FromDateTime(bars[^1].Start.UtcDateTime);
        var template = args.Length > 2 ? StrategyCatalog.Find(args[2]) ?? throw new ArgumentException($"No template {args[2]}") : MovingAverageCrossover.Definition;
        var request = new BacktestRequest(template, template.Parameters.Defaults, [.. symbols.Select(s => s.Symbol)], first, last, new BacktestSettings());

        // Warm-up (tiered JIT), then the best of several rounds of each: the machine is shared and noisy.
        Backtester.Run(request, bars);
        PlainLoop(bars);
        var engine = double.MaxValue;
        var plain = double.MaxValue;
        BacktestResult? result = null;
        for (var round = 0; round < rounds; round++)
        {
            var started = Stopwatch.GetTimestamp();
            result = Backtester.Run(request, bars);
            engine = Math.Min(engine, Stopwatch.GetElapsedTime(started).TotalSeconds);
            started = Stopwatch.GetTimestamp();
            PlainLoop(bars);
            plain = Math.Min(plain, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }

        var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        Backtester.Run(request, bars);
        Console.WriteLine($"One run: {(GC.GetAllocatedBytesForCurrentThread() - allocated) / 1_000_000.0:N1} MB allocated; GCs gen0 {GC.CollectionCount(0) - g0}, gen1 {GC.CollectionCount(1) - g1}, gen2 {GC.CollectionCount(2) - g2}");
        var engineRate = bars.Length / engine;
        var plainRate = bars.Length / plain;
        Console.WriteLine($"{bars.Length:N0} bars ({Symbols} symbols x {days} days x 390 minutes, synthetic); {result!.Orders.Count:N0} orders, {result.Trades.Count:N0} trades; best of {rounds}");
        Console.WriteLine();
        Console.WriteLine("| Run | Bars/s | Ratio to the plain loop |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine($"| Plain loop: two SMAs per symbol (the limit) | {plainRate:N0} | 1.00 |");
        Console.WriteLine($"| Backtester: {template.Name} through the full engine | {engineRate:N0} | {engineRate / plainRate:N2} |");
        Console.WriteLine();
        Console.WriteLine($"Target >= 5,000,000 bars/s: {(engineRate >= 5_000_000 ? "met" : "NOT met")}; target >= 10% of the plain loop: {(engineRate >= 0.1 * plainRate ? "met" : "NOT met")}");
        return 0;
    }

    /// <summary>The limit: the crossover's arithmetic alone (SMA(10) and SMA(20) of closes, per symbol), nothing else.</summary>
    private static decimal PlainLoop(Bar[] bars)
    {
        var fast = new Dictionary<string, Sma>(StringComparer.Ordinal);
        var slow = new Dictionary<string, Sma>(StringComparer.Ordinal);
        var checksum = 0m;
        for (var i = 0; i < bars.Length; i++)
        {
            ref readonly var bar = ref bars[i];
            if (!fast.TryGetValue(bar.Symbol, out var f))
            {
                fast[bar.Symbol] = f = new Sma(10);
                slow[bar.Symbol] = new Sma(20);
            }

            var s = slow[bar.Symbol];
            f.Update(bar.Close);
            s.Update(bar.Close);
            checksum += f.Value - s.Value;
        }

        return checksum;
    }
}
