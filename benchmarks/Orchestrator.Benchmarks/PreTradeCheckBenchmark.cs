using System.Diagnostics;
using System.Globalization;
using Orchestrator.Domain.Orders;
using Orchestrator.Domain.Risk;

namespace Orchestrator.Benchmarks;

/// <summary>
/// The cost of the pre-trade risk checklist (<see cref="RiskChecklist.Check"/>) on an account with 500 open
/// positions, in process, beside the matching engine's own per-order cost measured in the same run: submit +
/// match of the same number of orders on a <see cref="Domain.Matching.PaperExchange"/>, with
/// <see cref="MatchingEngineBenchmark"/>'s flow and loops. Target: the checks add under 20% to the per-order cost.
/// <para>
/// The account: 500 positions (400 long, 100 short) in 500 symbols over 11 sectors, 100 to 1,000 shares at
/// $20 to $200, with protective stops 3% away on half, and cash making equity 3 × gross exposure; a 550 × 550
/// correlation matrix (the 500 and 50 more) in which each symbol has 9 neighbours at ρ = 0.8 (its block of 10)
/// and everything else 0.1. Limits loose enough that nearly every order passes, so
/// every rule runs (a rejection would stop early). Two order flows over the 500 symbols and 50 more not held:
/// "opening" orders only (buy what is long or new, sell what is short: all nine rules run, the worst case) and
/// random sides (about a quarter only reduce and pass at once). Latencies time each call with
/// <see cref="Stopwatch.GetTimestamp"/>; the timer's own cost is printed beside them. These orders are far from
/// every limit, so the checklist's double screen settles them all; a last row times the exact decimal rules on
/// the same orders, the path an order near a limit (or refused) takes.
/// </para>
/// <c>dotnet run -c Release --project benchmarks/Orchestrator.Benchmarks -- pre-trade [orders]</c>
/// </summary>
public static class PreTradeCheckBenchmark
{
    private const int Positions = 500;
    private const int Unheld = 50;
    private const int Sectors = 11;
    private const int Block = 10;

    public static int Run(string[] args)
    {
        var total = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var build = Stopwatch.GetTimestamp();
        var context = BuildContext(seed: 20261127);
        var buildMs = Stopwatch.GetElapsedTime(build).TotalMilliseconds;
        var opening = Orders(context, total, seed: 11, openingOnly: true);
        var mixed = Orders(context, total, seed: 12, openingOnly: false);
        var flow = MatchingEngineBenchmark.Generate(total, seed: 20261126);

        // Warm up the JIT (tiered compilation) on a slice of each, then measure.
        Checks(context, Orders(context, 200_000, seed: 7, openingOnly: true));
        CheckLatencies(context, Orders(context, 200_000, seed: 8, openingOnly: false));
        ExactRules(context, Orders(context, 200_000, seed: 9, openingOnly: true));
        MatchingEngineBenchmark.Throughput(MatchingEngineBenchmark.Generate(200_000, seed: 7));
        MatchingEngineBenchmark.Latencies(MatchingEngineBenchmark.Generate(200_000, seed: 7));

        var (matchSeconds, _, _) = MatchingEngineBenchmark.Throughput(flow);
        var matchLatencies = MatchingEngineBenchmark.Latencies(flow);
        var (openingSeconds, openingRejected) = Checks(context, opening);
        var openingLatencies = CheckLatencies(context, opening);
        var (mixedSeconds, mixedRejected) = Checks(context, mixed);
        var mixedLatencies = CheckLatencies(context, mixed);
        var (exactSeconds, exactRejected) = ExactRules(context, opening);
        var timer = TimerOverhead(total);

        var matchMean = matchSeconds * 1e9 / total;
        var matchP50 = MatchingEngineBenchmark.Percentile(matchLatencies, 0.50);
        var matchP99 = MatchingEngineBenchmark.Percentile(matchLatencies, 0.99);
        Console.WriteLine(
            $"{total:N0} orders per run; {Positions} positions, {context.LongPositions} long / {context.ShortPositions} short; context built in {buildMs:N1} ms " +
            $"(correlation matrix {Positions + Unheld} x {Positions + Unheld} included); timer overhead p50 {MatchingEngineBenchmark.Percentile(timer, 0.50):N0} ns");
        Console.WriteLine($"Rejected: opening flow {openingRejected:N0}, random sides {mixedRejected:N0}, exact rules {exactRejected:N0}");
        Console.WriteLine();
        Console.WriteLine("| Run | Mean per order | p50 | p99 | p99.9 | Mean vs matching | p50 vs matching |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(
            $"| PaperExchange submit + match (bars included; the per-order cost) | {matchMean:N0} ns | {matchP50:N0} ns | {matchP99:N0} ns | {MatchingEngineBenchmark.Percentile(matchLatencies, 0.999):N0} ns | 1.00 | 1.00 |");
        var openingMean = openingSeconds * 1e9 / total;
        var mixedMean = mixedSeconds * 1e9 / total;
        Row("RiskChecklist.Check, opening orders (all 9 rules)", openingMean, openingLatencies, matchMean, matchP50);
        Row("RiskChecklist.Check, random sides", mixedMean, mixedLatencies, matchMean, matchP50);
        var exactMean = exactSeconds * 1e9 / total;
        Console.WriteLine(
            $"| The exact decimal rules alone, opening orders (the path of an order near a limit or refused) | {exactMean:N0} ns | | | | {exactMean / matchMean:N2} | |");
        Console.WriteLine();
        var worst = openingMean / matchMean;
        Console.WriteLine($"Target: checks add < 20% to the per-order cost (mean): {worst:P1} for opening orders, {mixedMean / matchMean:P1} for random sides: {(worst < 0.20 ? "met" : "NOT met")}");
        return 0;
    }

    private static void Row(string name, double mean, long[] latencies, double matchMean, double matchP50)
    {
        var p50 = MatchingEngineBenchmark.Percentile(latencies, 0.50);
        Console.WriteLine(
            $"| {name} | {mean:N0} ns | {p50:N0} ns | {MatchingEngineBenchmark.Percentile(latencies, 0.99):N0} ns | {MatchingEngineBenchmark.Percentile(latencies, 0.999):N0} ns | {mean / matchMean:N2} | {p50 / matchP50:N2} |");
    }

    /// <summary>Every check back to back, timing the whole run.</summary>
    private static (double Seconds, int Rejected) Checks(RiskContext context, (Order Order, decimal Price)[] orders)
    {
        var rejected = 0;
        var started = Stopwatch.GetTimestamp();
        foreach (var (order, price) in orders)
        {
            if (RiskChecklist.Check(context, order, price) is not null)
            {
                rejected++;
            }
        }

        return (Stopwatch.GetElapsedTime(started).TotalSeconds, rejected);
    }

    /// <summary>The rules one by one on one impact, without the checklist's double screen: what an order near a limit pays.</summary>
    private static (double Seconds, int Rejected) ExactRules(RiskContext context, (Order Order, decimal Price)[] orders)
    {
        var rules = RiskChecklist.Rules.ToArray();
        var rejected = 0;
        var started = Stopwatch.GetTimestamp();
        foreach (var (order, price) in orders)
        {
            var impact = context.Impact(order, price);
            foreach (var rule in rules)
            {
                if (rule.Check(context, impact) is not null)
                {
                    rejected++;
                    break;
                }
            }
        }

        return (Stopwatch.GetElapsedTime(started).TotalSeconds, rejected);
    }

    private static long[] CheckLatencies(RiskContext context, (Order Order, decimal Price)[] orders)
    {
        var ticks = new long[orders.Length];
        for (var i = 0; i < orders.Length; i++)
        {
            var before = Stopwatch.GetTimestamp();
            RiskChecklist.Check(context, orders[i].Order, orders[i].Price);
            ticks[i] = Stopwatch.GetTimestamp() - before;
        }

        Array.Sort(ticks);
        return ticks;
    }

    private static long[] TimerOverhead(int total)
    {
        var ticks = new long[total];
        for (var i = 0; i < total; i++)
        {
            var before = Stopwatch.GetTimestamp();
            ticks[i] = Stopwatch.GetTimestamp() - before;
        }

        Array.Sort(ticks);
        return ticks;
    }

    /// <summary>One string per symbol, as the matching benchmark's flow shares its names.</summary>
    private static readonly string[] Names = [.. Enumerable.Range(0, Positions + Unheld).Select(i => $"R{i:D3}")];

    private static string Symbol(int i) => Names[i];

    private static RiskContext BuildContext(int seed)
    {
        var random = new Random(seed);
        var sectors = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Positions + Unheld; i++)
        {
            sectors[Symbol(i)] = $"Sector{i % Sectors}";
        }

        var positions = new List<RiskPosition>(Positions);
        var net = 0m;
        var gross = 0m;
        for (var i = 0; i < Positions; i++)
        {
            var mark = random.Next(2_000, 20_000) / 100m;
            var quantity = (decimal)random.Next(100, 1_001) * (i % 5 == 4 ? -1 : 1);
            decimal? stop = i % 2 == 0 ? null : quantity > 0 ? Math.Round(mark * 0.97m, 2) : Math.Round(mark * 1.03m, 2);
            positions.Add(new RiskPosition(Symbol(i), quantity, mark, stop));
            net += quantity * mark;
            gross += Math.Abs(quantity) * mark;
        }

        // Equity = 3 x gross exposure: the risk to the stops (about 2.5% of gross) stays under 2% of equity.
        var cash = (3m * gross) - net;

        var symbols = Enumerable.Range(0, Positions + Unheld).Select(Symbol).ToArray();
        var rho = new double[symbols.Length, symbols.Length];
        for (var i = 0; i < symbols.Length; i++)
        {
            for (var j = 0; j < symbols.Length; j++)
            {
                rho[i, j] = i == j ? 1.0 : i / Block == j / Block ? 0.8 : 0.1;
            }
        }

        var profile = RiskProfile.Default with
        {
            MaxPositionSize = 1_000_000m,
            MaxDailyLoss = 500_000m,
            MaxLongPositions = 1_000,
            MaxShortPositions = 1_000,
            MaxCorrelationExposure = 0.50m,
        };
        var context = new RiskContext(profile, cash, positions, sessionOpenEquity: 0m, sectors, CorrelationMatrix.FromMatrix(symbols, rho),
            KillSwitchState.Active, userMaxDailyLoss: 1_000_000m);
        context.SessionOpenEquity = context.Equity + 1_000m;
        return context;
    }

    /// <summary>Market orders of 1 to 100 over the held and 50 unheld symbols, at the mark ± 1% (unheld: $20 to $200).</summary>
    private static (Order, decimal)[] Orders(RiskContext context, int total, int seed, bool openingOnly)
    {
        var random = new Random(seed);
        var orders = new (Order, decimal)[total];
        for (var i = 0; i < total; i++)
        {
            var symbol = Symbol(random.Next(Positions + Unheld));
            var held = context.Position(symbol);
            var side = openingOnly
                ? held is { Quantity: < 0m } ? OrderSide.Sell : OrderSide.Buy
                : random.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell;
            var basePrice = held?.Mark ?? random.Next(2_000, 20_000) / 100m;
            var price = Math.Round(basePrice * (1m + (random.Next(-100, 101) / 10_000m)), 2);
            orders[i] = (new Order(Guid.CreateVersion7(), symbol, side, OrderType.Market, random.Next(1, 101), TimeInForce.Day), price);
        }

        return orders;
    }
}
