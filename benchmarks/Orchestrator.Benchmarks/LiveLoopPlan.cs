using Orchestrator.Domain.MarketData;

namespace Orchestrator.Benchmarks;

/// <summary>One crossover instance of the live-loop run: its periods, its account and its symbols.</summary>
public sealed record LiveLoopStrategy(int Index, int ShortPeriod, int LongPeriod, int Account, int Group, IReadOnlyList<string> Symbols)
{
    /// <summary>
    /// Small allocation: an account's 10 strategies × 10 symbols each put 1% of the account's equity in a position,
    /// so they fit in the cash account together and no order is refused for buying power (refusals would skip the fill).
    /// </summary>
    public const decimal Allocation = 0.01m;

    /// <summary>The overrides as <c>POST /api/v1/strategies</c> takes them (and as the backtest resolves them).</summary>
    public object Parameters => new
    {
        moving_averages = new { short_period = ShortPeriod, long_period = LongPeriod },
        allocation = Allocation,
        allow_short = false,
        risk_management = new { stop_loss_percentage = 0, take_profit_percentage = 0 },
    };
}

/// <summary>
/// What the live-loop run trades: the strategies and the seeded bars. Symbols fall into groups of 10 (symbol k in group
/// k mod groups); strategy i trades group i mod groups and belongs to account i ÷ (strategies per account), so every
/// account's strategies cover every group and every symbol feeds strategies ÷ groups instances. Periods vary per instance
/// (fast 3 to 8, slow 10 to 30) so that the instances on one symbol do not all signal on the same bar.
/// </summary>
public sealed class LiveLoopPlan
{
    public const int SymbolsPerStrategy = 10;

    /// <summary>Synthetic volumes are scaled up so that 100 instances buying one symbol on one bar stay inside the 25% participation.</summary>
    private const decimal VolumeScale = 100m;

    public LiveLoopPlan(int strategies, int symbols, int minutes, int warmupMinutes, int accounts)
    {
        if (symbols % SymbolsPerStrategy != 0 || strategies % accounts != 0)
        {
            throw new ArgumentException($"symbols must be a multiple of {SymbolsPerStrategy} and strategies a multiple of accounts");
        }

        Minutes = minutes;
        WarmupMinutes = warmupMinutes;
        Accounts = accounts;
        var generator = new SyntheticBarGenerator(20261127);
        var universe = generator.Symbols(symbols);
        Symbols = [.. universe.Select(s => s.Symbol)];
        var groups = symbols / SymbolsPerStrategy;
        var members = Enumerable.Range(0, groups).Select(g => Symbols.Where((_, k) => k % groups == g).ToArray()).ToArray();
        var perAccount = strategies / accounts;
        Strategies = [.. Enumerable.Range(0, strategies).Select(i => new LiveLoopStrategy(i, 3 + (i % 6), 10 + (i / 6 % 21), i / perAccount, i % groups, members[i % groups]))];

        // Two sessions (Thursday and Friday 2026-11-19/20): the first minutes of the first warm the loop up (JIT, averages),
        // the first minutes of the second are measured. Each minute holds every symbol's bar, symbols in order.
        var sessions = generator.Bars(universe, new DateOnly(2026, 11, 19), 2).Select(b => b with { Volume = b.Volume * VolumeScale }).ToArray();
        var perDay = 390 * symbols;
        Warmup = sessions[..(warmupMinutes * symbols)];
        Measured = sessions[perDay..(perDay + (minutes * symbols))];
        GroupBars = [.. members.Select(m => Warmup.Concat(Measured).Where(b => m.Contains(b.Symbol, StringComparer.Ordinal)).ToArray())];
    }

    public int Minutes { get; }

    public int WarmupMinutes { get; }

    public int Accounts { get; }

    public IReadOnlyList<string> Symbols { get; }

    public IReadOnlyList<LiveLoopStrategy> Strategies { get; }

    /// <summary>The warm-up bars (first session), minute by minute.</summary>
    public Bar[] Warmup { get; }

    /// <summary>The measured bars (second session), minute by minute.</summary>
    public Bar[] Measured { get; }

    /// <summary>Per symbol group, the bars its strategies take (warm-up and measured), for the backtester.</summary>
    public Bar[][] GroupBars { get; }

    public DateOnly FirstDay => DateOnly.FromDateTime(Warmup.Length > 0 ? Warmup[0].Start.UtcDateTime : Measured[0].Start.UtcDateTime);

    public DateOnly LastDay => DateOnly.FromDateTime(Measured[^1].Start.UtcDateTime);
}
