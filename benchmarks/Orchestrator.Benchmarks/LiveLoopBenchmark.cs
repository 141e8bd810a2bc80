using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Orchestration;
using Orchestrator.Server.Trading;
using Orchestrator.Storage.Migrations;

namespace Orchestrator.Benchmarks;

/// <summary>
/// The whole live loop on PostgreSQL (issue 8): N crossover instances running in the server's
/// <see cref="StrategyRunner"/> on 10 symbols each, bars published through the <see cref="MarketFeed"/> (paper exchange,
/// marks, strategies) minute by minute in lockstep, every signal routed through the account's writer to the fill's
/// commit. Figures: strategy × bar deliveries per second through the whole loop, and signal-to-fill latency
/// (<c>strategy_executions.latency_ms</c>), beside the backtester's deliveries per second for the same strategies over
/// the same bars in the same run.
/// <c>ORCHESTRATOR_BENCH_POSTGRES=... dotnet run -c Release --project benchmarks/Orchestrator.Benchmarks -- live-loop [strategies] [symbols] [minutes] [accounts] [warm-up minutes]</c>
/// </summary>
public static class LiveLoopBenchmark
{
    private const decimal AccountCash = 1_000_000m;

    public static async Task<int> RunAsync(string[] args)
    {
        var strategies = Arg(args, 0, 1000);
        var symbols = Arg(args, 1, 100);
        // 60, not a whole session's 390: on 2 cores the loop takes about 1.7 s a minute at this size (about 11 minutes for 390).
        var minutes = Arg(args, 2, 60);
        var accounts = Arg(args, 3, 100);
        // Enough for the slowest average (30 bars) to be ready and for the JIT to promote the hot path before the clock runs.
        var warmup = Arg(args, 4, 30);
        var admin = Environment.GetEnvironmentVariable("ORCHESTRATOR_BENCH_POSTGRES");
        if (string.IsNullOrEmpty(admin))
        {
            Console.Error.WriteLine("live-loop needs ORCHESTRATOR_BENCH_POSTGRES (a PostgreSQL connection string; scripts/services.sh prints one).");
            return 2;
        }

        var plan = new LiveLoopPlan(strategies, symbols, minutes, warmup, accounts);
        var name = $"orchestrator_bench_{Guid.NewGuid():N}";
        await BenchDatabases.ExecuteAsync(admin, $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'");
        var database = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        try
        {
            var live = await RunLiveAsync(plan, database);
            var backtest = LiveLoopBaseline.Run(plan, AccountCash, rounds: 3);
            Report(plan, live, backtest);
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await BenchDatabases.DropAsync(admin, name);
        }
    }

    private static async Task<LiveLoopOutcome> RunLiveAsync(LiveLoopPlan plan, string database)
    {
        var app = OrchestratorServer.Build(["--urls=http://127.0.0.1:0", "--Database:Provider=Postgres", $"--ConnectionStrings:Orchestrator={database}", "--Logging:LogLevel:Default=Warning"]);
        await app.Services.GetRequiredService<Migrator>().MigrateAsync();
        await app.StartAsync();
        try
        {
            var setup = Stopwatch.GetTimestamp();
            var ids = await LiveLoopFleet.CreateAsync(app.Services, new Uri(app.Urls.First()), database, plan);
            Console.WriteLine($"Setup: {plan.Accounts} accounts, {ids.Length:N0} strategies created and started in {Stopwatch.GetElapsedTime(setup).TotalSeconds:N1} s");

            var runner = app.Services.GetRequiredService<StrategyRunner>();
            var replay = new LiveLoopReplay(app.Services.GetRequiredService<MarketFeed>(), runner, ids);
            var warm = Stopwatch.GetTimestamp();
            await replay.PlayAsync(plan.Warmup, plan.Symbols.Count, CancellationToken.None);
            Console.WriteLine($"Warm-up: {plan.WarmupMinutes} minutes of the first session in {Stopwatch.GetElapsedTime(warm).TotalSeconds:N1} s");

            var machine = await LiveLoopMachine.ReadAsync(database, windowEnded: false);
            var before = await LiveLoopCounts.ReadAsync(database, null);
            var from = DateTime.UtcNow;
            var started = Stopwatch.GetTimestamp();
            var timeline = await replay.PlayAsync(plan.Measured, plan.Symbols.Count, CancellationToken.None);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var ended = await LiveLoopMachine.ReadAsync(database, windowEnded: true);
            var after = await LiveLoopCounts.ReadAsync(database, from);
            var running = ids.Count(id => runner.BarsHandled(id) is not null);
            LiveLoopMachine.Print(machine, ended, seconds, plan.Minutes, after.Signals - before.Signals);
            return new LiveLoopOutcome(seconds, (long)plan.Measured.Length * LiveLoopPlan.SymbolsPerStrategy * ids.Length / plan.Symbols.Count, plan.Measured.Length,
                after - before, after.Latency, running, timeline);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static void Report(LiveLoopPlan plan, LiveLoopOutcome live, LiveLoopBaseline.Result backtest)
    {
        var ratio = live.DeliveriesPerSecond / backtest.DeliveriesPerSecond;
        var counts = live.Counts;
        Console.WriteLine();
        Console.WriteLine($"{plan.Strategies.Count:N0} ma-crossover instances (fast 3-8, slow 10-30, 10 symbols each) over {plan.Symbols.Count} symbols, {plan.Accounts} paper accounts; "
            + $"{plan.Minutes} measured minutes after {plan.WarmupMinutes} warm-up minutes; PostgreSQL; {Environment.ProcessorCount} cores");
        Console.WriteLine();
        Console.WriteLine("| Run | Deliveries (strategy × bar) | Seconds | Deliveries/s | Bars published/s | Signals | Orders | Fills | p50 signal-to-fill | p99 signal-to-fill | Ratio |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine($"| Backtester, same strategies and bars, Parallel.For on all cores, best of 3 (baseline) | {backtest.Deliveries:N0} | {backtest.Seconds:N2} | {backtest.DeliveriesPerSecond:N0} | | | {backtest.Orders:N0} | | | | 1.00 |");
        Console.WriteLine($"| Live loop: MarketFeed → runner → writer → PostgreSQL, lockstep per minute | {live.Deliveries:N0} | {live.Seconds:N2} | {live.DeliveriesPerSecond:N0} | {live.Published / live.Seconds:N0} | "
            + $"{counts.Signals:N0} | {counts.Orders:N0} | {counts.Executions:N0} | {live.Latency.P50:N0} ms | {live.Latency.P99:N0} ms | {ratio:N2} |");
        Console.WriteLine();
        Console.WriteLine($"Backtest deliveries cover the warm-up and the measured minutes ({backtest.Trades:N0} trades). Live: {counts.Executed:N0} signals EXECUTED, "
            + $"{counts.Signals - counts.Executed:N0} other; latency mean {live.Latency.Mean:N1} ms, max {live.Latency.Max:N0} ms over {live.Latency.Count:N0} executions; "
            + $"{live.Running:N0} of {plan.Strategies.Count:N0} units still running at the end.");
        LiveLoopBreakdown.Print(live.Timeline, live.Deliveries / Math.Max(1, live.Timeline.Count), live.Latency);
        Console.WriteLine();
        Console.WriteLine($"Targets: live >= 25% of the backtester ({(ratio >= 0.25 ? "met" : "missed")}: {ratio:P0}), "
            + $"p99 signal-to-fill < 10 ms ({(live.Latency.P99 < 10 ? "met" : "missed")}: {live.Latency.P99:N0} ms).");
    }

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
}

/// <summary>What the measured live run did.</summary>
public sealed record LiveLoopOutcome(double Seconds, long Deliveries, long Published, LiveLoopCounts Counts, LiveLoopCounts.Latencies Latency, int Running,
    IReadOnlyList<LiveLoopReplay.Minute> Timeline)
{
    public double DeliveriesPerSecond => Deliveries / Seconds;
}
