using BenchmarkDotNet.Running;
using Orchestrator.Benchmarks;

// End-to-end load runs by name; everything else goes to BenchmarkDotNet:
//   dotnet run -c Release --project benchmarks/Orchestrator.Benchmarks -- auth-throughput
//   ORCHESTRATOR_BENCH_POSTGRES=... dotnet run -c Release --project benchmarks/Orchestrator.Benchmarks -- order-path
//   ORCHESTRATOR_BENCH_POSTGRES=... dotnet run -c Release --project benchmarks/Orchestrator.Benchmarks -- bars [bars]
//   dotnet run -c Release --project benchmarks/Orchestrator.Benchmarks -- backtest [days] [rounds]
//   ORCHESTRATOR_BENCH_POSTGRES=... dotnet run -c Release --project benchmarks/Orchestrator.Benchmarks -- live-loop [strategies] [symbols] [minutes] [accounts] [warm-up minutes]
//   dotnet run -c Release --project benchmarks/Orchestrator.Benchmarks -- risk-calc [symbols] [days] [rounds] [paths]
//   dotnet run -c Release --project benchmarks/Orchestrator.Benchmarks -- pre-trade [orders]
//   dotnet run -c Release --project benchmarks/Orchestrator.Benchmarks -- --filter '*'
if (args.Length > 0 && args[0] == "auth-throughput")
{
    return await AuthThroughputBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "matching")
{
    return MatchingEngineBenchmark.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "pre-trade")
{
    return PreTradeCheckBenchmark.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "order-path")
{
    return await OrderPathBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "bars")
{
    return await BarsBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "backtest")
{
    return BacktestBenchmark.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "live-loop")
{
    return await LiveLoopBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "risk-calc")
{
    return RiskCalculationBenchmark.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "usage-write")
{
    return await UsageWriteBenchmark.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
