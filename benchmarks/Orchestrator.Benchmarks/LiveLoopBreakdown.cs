namespace Orchestrator.Benchmarks;

/// <summary>
/// Where the live loop's time goes, from the replay's own stopwatch: each minute's wall time against the signals routed
/// in it. A least-squares line through the minutes splits the run into a per-minute cost with no signal (publishing,
/// the units' queues and strategy code for every delivery, the replay's wait) and a cost per signal routed (sizing,
/// the writer's checks and group commit on PostgreSQL, the fill, the execution row), and the signals' latencies show
/// how much of that is spent waiting for commits.
/// </summary>
public static class LiveLoopBreakdown
{
    public static void Print(IReadOnlyList<LiveLoopReplay.Minute> minutes, long deliveriesPerMinute, LiveLoopCounts.Latencies latency)
    {
        if (minutes.Count < 2)
        {
            return;
        }

        var n = minutes.Count;
        var meanX = minutes.Average(m => (double)m.Signals);
        var meanY = minutes.Average(m => m.Seconds);
        var sxx = minutes.Sum(m => (m.Signals - meanX) * (m.Signals - meanX));
        var sxy = minutes.Sum(m => (m.Signals - meanX) * (m.Seconds - meanY));
        var perSignal = sxx == 0 ? 0 : sxy / sxx;
        var fixedCost = meanY - (perSignal * meanX);
        var total = minutes.Sum(m => m.Seconds);
        var signals = minutes.Sum(m => m.Signals);
        var quiet = minutes.Where(m => m.Signals == 0).ToList();
        Console.WriteLine();
        Console.WriteLine($"Breakdown over {n} minutes ({signals:N0} signals routed, {meanX:N1} a minute; minute wall time {minutes.Min(m => m.Seconds) * 1000:N1} to {minutes.Max(m => m.Seconds) * 1000:N1} ms):");
        Console.WriteLine($"- fit: minute = {fixedCost * 1000:N2} ms + {perSignal * 1000:N3} ms × signals (without signals: {fixedCost / deliveriesPerMinute * 1e9:N0} ns per delivery, {deliveriesPerMinute:N0} deliveries a minute)");
        Console.WriteLine($"- so of the {total:N2} s: about {fixedCost * n:N2} s ({fixedCost * n / total:P0}) delivering bars to strategies, {perSignal * signals:N2} s ({perSignal * signals / total:P0}) routing signals to their fills");
        if (quiet.Count > 0)
        {
            Console.WriteLine($"- {quiet.Count} minutes without any signal took {quiet.Average(m => m.Seconds) * 1000:N2} ms on average");
        }

        Console.WriteLine($"- signal-to-fill latencies add up to {latency.Mean * latency.Count / 1000:N1} s over the units (they wait concurrently), {latency.Mean * latency.Count / 1000 / total:N1} × the wall time");
    }
}
