using System.Diagnostics;
using System.Text.Json;
using Orchestrator.Domain.Backtesting;
using Orchestrator.Domain.Matching.Fees;
using Orchestrator.Domain.Matching.Slippage;
using Orchestrator.Domain.Strategies.Templates;

namespace Orchestrator.Benchmarks;

/// <summary>
/// The live loop's baseline: the backtester over the same bars (warm-up and measured sessions) for the same strategy
/// configurations, each strategy its own <see cref="Backtester.Run"/> over its 10 symbols' bars, with the server's
/// trading settings (per-share commission 0.005 with a 1.00 minimum, no slippage, 25% participation, a cash account
/// with the live account's cash). The runs are spread over every core with <c>Parallel.For</c>, as the live loop's
/// units are spread over the thread pool: both sides get the whole machine.
/// </summary>
public static class LiveLoopBaseline
{
    public readonly record struct Result(double Seconds, long Deliveries, long Orders, long Trades)
    {
        public double DeliveriesPerSecond => Deliveries / Seconds;
    }

    /// <summary>Best of <paramref name="rounds"/> timed rounds, after an untimed warm-up over a few strategies (tiered JIT).</summary>
    public static Result Run(LiveLoopPlan plan, decimal initialCapital, int rounds)
    {
        var template = MovingAverageCrossover.Definition;
        var settings = new BacktestSettings
        {
            InitialCapital = initialCapital,
            FeeModel = new PerShareFeeModel(0.005m, 1m),
            SlippageModel = new FixedSlippageModel(0m),
            ParticipationRate = 0.25m,
        };
        var requests = plan.Strategies.Select(s =>
        {
            var overrides = JsonSerializer.SerializeToNode(s.Parameters)!.AsObject();
            var parameters = template.Validate(template.Parameters.Resolve(overrides)).Parameters
                ?? throw new InvalidOperationException($"strategy {s.Index}: invalid parameters");
            return new BacktestRequest(template, parameters, s.Symbols, plan.FirstDay, plan.LastDay, settings);
        }).ToArray();

        Parallel.For(0, Math.Min(50, requests.Length), i => Backtester.Run(requests[i], plan.GroupBars[plan.Strategies[i].Group]));
        var best = new Result(double.MaxValue, 0, 0, 0);
        for (var round = 0; round < rounds; round++)
        {
            long deliveries = 0, orders = 0, trades = 0;
            var started = Stopwatch.GetTimestamp();
            Parallel.For(0, requests.Length, i =>
            {
                var bars = plan.GroupBars[plan.Strategies[i].Group];
                var result = Backtester.Run(requests[i], bars);
                Interlocked.Add(ref deliveries, bars.Length);
                Interlocked.Add(ref orders, result.Orders.Count);
                Interlocked.Add(ref trades, result.Trades.Count);
            });
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            if (seconds < best.Seconds)
            {
                best = new Result(seconds, deliveries, orders, trades);
            }
        }

        return best;
    }
}
