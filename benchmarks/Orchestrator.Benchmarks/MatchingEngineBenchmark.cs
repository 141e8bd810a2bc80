using System.Diagnostics;
using System.Globalization;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Matching;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Benchmarks;

/// <summary>
/// How many orders per second one <see cref="PaperExchange"/> submits and matches in process, with the p99
/// latency of a submit, beside the data-structure floor measured in the same run: the same number of inserts
/// and removes on a <see cref="PriorityQueue{TElement, TPriority}"/> keyed by (price, sequence), which is what
/// any price-time book must at least do. Orders and bars are generated up front from a seeded
/// <see cref="Random"/> (10 symbols, random-walk prices; 30% market, 60% limit within ±0.5% of the price,
/// 10% IOC limits; 20% DAY, the rest GTC), with one bar per symbol after every 1,000 orders.
/// <c>dotnet run -c Release --project benchmarks/Orchestrator.Benchmarks -- matching [orders]</c>
/// </summary>
public static class MatchingEngineBenchmark
{
    private const int Symbols = 10;
    private const int OrdersPerBarRound = 1_000;
    private static readonly DateTimeOffset Start = new(2026, 3, 9, 14, 0, 0, TimeSpan.Zero);

    public static int Run(string[] args)
    {
        var total = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000_000;
        var flow = Generate(total, seed: 20261126);

        // Warm up the JIT (tiered compilation) on a slice, then measure.
        Throughput(Generate(200_000, seed: 7));
        Baseline(Generate(200_000, seed: 7));

        var (seconds, events, resting) = Throughput(flow);
        var latencies = Latencies(flow);
        var baselineSeconds = Baseline(flow);

        var ordersPerSecond = total / seconds;
        var baselinePerSecond = total / baselineSeconds;
        Console.WriteLine($"{total:N0} orders, {flow.Bars.Length:N0} bars; {events:N0} events (fills, IOC cancels, expiries); {resting:N0} orders resting at the end");
        Console.WriteLine();
        Console.WriteLine("| Run | Orders/s | p50 submit | p99 submit | p99.9 submit | Ratio to baseline |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Console.WriteLine($"| PriorityQueue insert + remove per order (baseline) | {baselinePerSecond:N0} | | | | 1.00 |");
        Console.WriteLine(
            $"| PaperExchange submit + match (bars included) | {ordersPerSecond:N0} | {Percentile(latencies, 0.50):N0} ns | {Percentile(latencies, 0.99):N0} ns | {Percentile(latencies, 0.999):N0} ns | {ordersPerSecond / baselinePerSecond:N2} |");
        Console.WriteLine();
        Console.WriteLine($"Target >= 1,000,000 orders/s: {(ordersPerSecond >= 1_000_000 ? "met" : "NOT met")}");
        return 0;
    }

    /// <summary>Submits every order and feeds every bar, timing the whole run.</summary>
    internal static (double Seconds, long Events, int Resting) Throughput(Flow flow)
    {
        var exchange = new PaperExchange(new PaperExchangeOptions());
        var account = Guid.CreateVersion7();
        long events = 0;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < flow.Orders.Length; i++)
        {
            events += exchange.Submit(account, flow.Orders[i], flow.Times[i]).Count;
            if ((i + 1) % OrdersPerBarRound == 0)
            {
                foreach (var bar in flow.BarsAfter((i + 1) / OrdersPerBarRound))
                {
                    events += exchange.OnBar(bar).Count;
                }
            }
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return (seconds, events, exchange.OpenOrders().Count);
    }

    /// <summary>The same run on a fresh exchange, timing each submit (a timestamp costs ~20 ns, small beside a submit).</summary>
    internal static long[] Latencies(Flow flow)
    {
        var exchange = new PaperExchange(new PaperExchangeOptions());
        var account = Guid.CreateVersion7();
        var ticks = new long[flow.Orders.Length];
        for (var i = 0; i < flow.Orders.Length; i++)
        {
            var before = Stopwatch.GetTimestamp();
            exchange.Submit(account, flow.Orders[i], flow.Times[i]);
            ticks[i] = Stopwatch.GetTimestamp() - before;
            if ((i + 1) % OrdersPerBarRound == 0)
            {
                foreach (var bar in flow.BarsAfter((i + 1) / OrdersPerBarRound))
                {
                    exchange.OnBar(bar);
                }
            }
        }

        Array.Sort(ticks);
        return ticks;
    }

    /// <summary>The floor: per order, one insert into a (price, sequence) priority queue, and one remove once it holds 1,000.</summary>
    private static double Baseline(Flow flow)
    {
        var book = new PriorityQueue<Order, (decimal Price, long Sequence)>();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < flow.Orders.Length; i++)
        {
            var order = flow.Orders[i];
            book.Enqueue(order, (order.LimitPrice ?? 0m, i));
            if (book.Count > OrdersPerBarRound)
            {
                book.Dequeue();
            }
        }

        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    internal static double Percentile(long[] sortedTicks, double p) =>
        sortedTicks[(int)Math.Min(sortedTicks.Length - 1, p * sortedTicks.Length)] * 1e9 / Stopwatch.Frequency;

    internal static Flow Generate(int total, int seed)
    {
        var random = new Random(seed);
        var prices = new decimal[Symbols];
        Array.Fill(prices, 100m);
        var names = Enumerable.Range(0, Symbols).Select(s => $"SYM{s}").ToArray();
        var orders = new Order[total];
        var times = new DateTimeOffset[total];
        var bars = new List<Bar>();
        var period = TimeSpan.FromMilliseconds(5);
        for (var i = 0; i < total; i++)
        {
            var s = random.Next(Symbols);
            var side = random.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell;
            var quantity = random.Next(1, 101);
            var kind = random.Next(10);
            var tif = random.Next(5) == 0 ? TimeInForce.Day : TimeInForce.Gtc;
            // Limits within ±0.5% of the symbol's price, on the cent.
            var limit = Math.Round(prices[s] * (1m + (random.Next(-50, 51) / 10_000m)), 2);
            orders[i] = kind switch
            {
                < 3 => new Order(Guid.CreateVersion7(), names[s], side, OrderType.Market, quantity, tif),
                9 => new Order(Guid.CreateVersion7(), names[s], side, OrderType.Limit, quantity, TimeInForce.Ioc, limitPrice: limit),
                _ => new Order(Guid.CreateVersion7(), names[s], side, OrderType.Limit, quantity, tif, limitPrice: limit),
            };
            times[i] = Start + TimeSpan.FromTicks(i * 50L);
            if ((i + 1) % OrdersPerBarRound == 0)
            {
                var barStart = Start + (period * ((i + 1) / OrdersPerBarRound - 1));
                for (var b = 0; b < Symbols; b++)
                {
                    var open = prices[b];
                    var close = Math.Max(1m, Math.Round(open * (1m + (random.Next(-30, 31) / 10_000m)), 2));
                    var high = Math.Max(open, close) + (random.Next(0, 20) / 100m);
                    var low = Math.Max(0.01m, Math.Min(open, close) - (random.Next(0, 20) / 100m));
                    bars.Add(new Bar(names[b], barStart, period, open, high, low, close, random.Next(10_000, 30_000)));
                    prices[b] = close;
                }
            }
        }

        return new Flow(orders, times, [.. bars]);
    }

    internal sealed record Flow(Order[] Orders, DateTimeOffset[] Times, Bar[] Bars)
    {
        /// <summary>The bars fed after the <paramref name="round"/>-th block of 1,000 orders (1-based).</summary>
        public ReadOnlySpan<Bar> BarsAfter(int round) => Bars.AsSpan((round - 1) * Symbols, Symbols);
    }
}
