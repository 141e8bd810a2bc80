namespace Orchestrator.Domain.MarketData;

/// <summary>One synthetic symbol: its name, where its walk starts, and how much it moves and trades.</summary>
public sealed record SyntheticSymbol(string Symbol, decimal StartPrice, double AnnualVolatility, long DailyVolume);

/// <summary>
/// Seeded, reproducible 1-minute bars that look like a US equity day (no real market data ships with the
/// project, so demos and benchmarks use these, marked exchange <c>SYNTH</c>):
/// <list type="bullet">
/// <item>a geometric random walk per symbol, minute volatility = annual ÷ √(252 × 390), scaled by an intraday
/// U: 1 + 1.5 × ((m − 195) ÷ 195)² for minute m of the 390-minute session, so the open and close move most;</item>
/// <item>an overnight gap at each open of 0.3 × the daily volatility;</item>
/// <item>high and low beyond open and close by a half-minute's move; prices on a 0.01 grid;</item>
/// <item>volume following the same U (more at the open and close), log-normal noise around
/// daily volume × the minute's share.</item>
/// </list>
/// Bars come minute by minute, symbols in order within a minute, and only for sessions of
/// <see cref="TradingHours.UsEquities"/> (weekdays 09:30–16:00 New York): never all in memory.
/// </summary>
public sealed class SyntheticBarGenerator(int seed)
{
    public const string Exchange = "SYNTH";
    private const int SessionMinutes = 390;

    /// <summary><paramref name="count"/> symbols SYN001, SYN002, ... with seeded start prices, volatilities and volumes.</summary>
    public IReadOnlyList<SyntheticSymbol> Symbols(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var random = new Random(seed);
        return Enumerable.Range(1, count).Select(i => new SyntheticSymbol(
            $"SYN{i:D3}",
            decimal.Round((decimal)(20 + (random.NextDouble() * 480)), 2),
            0.15 + (random.NextDouble() * 0.45),
            (long)(1_000_000 + (random.NextDouble() * 19_000_000)))).ToList();
    }

    /// <summary>Bars for <paramref name="symbols"/> over the <paramref name="days"/> trading days from <paramref name="firstDay"/> on.</summary>
    public IEnumerable<Bar> Bars(IReadOnlyList<SyntheticSymbol> symbols, DateOnly firstDay, int days)
    {
        var random = new Random(seed ^ 0x5EED);
        var hours = TradingHours.UsEquities;
        var prices = symbols.Select(s => (double)s.StartPrice).ToArray();
        var weights = Enumerable.Range(0, SessionMinutes).Select(Intraday).ToArray();
        var weightSum = weights.Sum();
        var day = firstDay;
        for (var done = 0; done < days; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            // 12:00 UTC is the morning of the same date in New York in every season; its session opens that day.
            var open = hours.SessionOpen(new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero))!.Value;
            for (var s = 0; s < symbols.Count; s++)
            {
                var dailyVol = symbols[s].AnnualVolatility / Math.Sqrt(252);
                prices[s] *= Math.Exp(0.3 * dailyVol * Gaussian(random));
            }

            for (var minute = 0; minute < SessionMinutes; minute++)
            {
                var start = open.AddMinutes(minute);
                for (var s = 0; s < symbols.Count; s++)
                {
                    var symbol = symbols[s];
                    var sigma = symbol.AnnualVolatility / Math.Sqrt(252.0 * SessionMinutes) * weights[minute];
                    var first = prices[s];
                    var last = first * Math.Exp(sigma * Gaussian(random));
                    var high = Math.Max(first, last) * Math.Exp(Math.Abs(0.5 * sigma * Gaussian(random)));
                    var low = Math.Min(first, last) * Math.Exp(-Math.Abs(0.5 * sigma * Gaussian(random)));
                    prices[s] = last;
                    var volume = Math.Max(1, Math.Round(symbol.DailyVolume * weights[minute] / weightSum * Math.Exp((0.4 * Gaussian(random)) - 0.08)));
                    yield return new Bar(symbol.Symbol, start, TimeSpan.FromMinutes(1), Cents(first), Cents(high), Cents(low), Cents(last), (decimal)volume);
                }
            }

            done++;
        }
    }

    /// <summary>The U of intraday activity: 2.5 at the open and the close, 1 at midday.</summary>
    public static double Intraday(int minute) => 1 + (1.5 * Math.Pow((minute - 195.0) / 195.0, 2));

    private static decimal Cents(double price) => Math.Max(0.01m, decimal.Round((decimal)price, 2));

    /// <summary>Box–Muller: a standard normal draw from two uniform ones.</summary>
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
