using Orchestrator.Domain.Backtesting;
using Orchestrator.Domain.Orders;
using Orchestrator.Domain.Strategies.Templates;
using static Orchestrator.Domain.Tests.Strategies.Templates.TemplateBacktest;

namespace Orchestrator.Domain.Tests.Strategies.Templates;

public sealed class BollingerMeanReversionTests
{
    /// <summary>
    /// Closes 10, 10, 10, 7, 8, 9, 9, 9, 12, 11, 11 with Bollinger(3, 1σ): middle = SMA(3), bands = middle ± σ, σ the
    /// population standard deviation of the same three closes (a single close can be at most √2 σ from the mean of
    /// three, hence 1σ rather than 2).
    /// <code>
    /// bar  close  window      middle   σ        lower    upper
    ///  2   10     10,10,10    10       0        10       10       ready; 10 is on both bands, not past them: nothing
    ///  3    7     10,10,7      9       √2=1.4142 7.5858  10.4142  flat, below the lower band: BUY
    ///  4    8     10,7,8       8.3333  1.2472   7.0861   9.5805   long, below the middle: hold
    ///  5    9     7,8,9        8       0.8165   7.1835   8.8165   long, at or above the middle: CLOSE
    ///  6    9     8,9,9        8.6667  0.4714   8.1953   9.1381   flat, inside the bands: nothing
    ///  7    9     9,9,9        9       0        9        9        on the bands, not past them: nothing
    ///  8   12     9,9,12      10       1.4142   8.5858  11.4142   flat, above the upper band: SELL with allow_short
    ///  9   11     9,12,11     10.6667  1.2472   9.4195  11.9139   short, above the middle: hold (long-only: inside)
    /// 10   11     12,11,11    11.3333  0.4714  10.8619  11.8047   short, at or below the middle: CLOSE (long-only: inside)
    /// </code>
    /// </summary>
    private static readonly decimal[] Closes = [10, 10, 10, 7, 8, 9, 9, 9, 12, 11, 11];

    [Fact]
    public void Long_only_buys_below_the_lower_band_and_exits_at_the_middle_band()
    {
        var result = Run(allowShort: false);

        // Bar 3: 0.5 × 10,000 ÷ 7 = 714.3 -> 714 shares at 7 (cash 5,002). Bar 5: sold at 9; P&L 2 × 714 = 1,428.
        // Bar 8 is above the upper band, but shorts are not allowed.
        Assert.Collection(result.Orders,
            o => AssertOrder(o, OrderSide.Buy, 714m, End(3), 7m),
            o => AssertOrder(o, OrderSide.Sell, 714m, End(5), 9m));
        Assert.Equal(11_428m, result.EndEquity);
    }

    [Fact]
    public void With_shorts_it_sells_above_the_upper_band_and_covers_at_the_middle_band()
    {
        var result = Run(allowShort: true);

        // As long-only to bar 5 (11,428 in cash). Bar 8: 0.5 × 11,428 ÷ 12 = 476.2 -> 476 shares short at 12
        // (cash 17,140). Bar 9: 11 is above the middle 10.67, hold. Bar 10: 11 is below the middle 11.33: bought
        // back at 11, P&L (12 − 11) × 476 = 476; end equity 11,904.
        Assert.Collection(result.Orders,
            o => AssertOrder(o, OrderSide.Buy, 714m, End(3), 7m),
            o => AssertOrder(o, OrderSide.Sell, 714m, End(5), 9m),
            o => AssertOrder(o, OrderSide.Sell, 476m, End(8), 12m),
            o => AssertOrder(o, OrderSide.Buy, 476m, End(10), 11m));
        Assert.Equal(11_904m, result.EndEquity);
        Assert.Equal([(TradeDirection.Long, 1_428m), (TradeDirection.Short, 476m)], result.Trades.Select(t => (t.Direction, t.ProfitLoss)));
    }

    private static DateTimeOffset End(int i) => Open.AddMinutes(i + 1);

    private static BacktestResult Run(bool allowShort) =>
        TemplateBacktest.Run(BollingerMeanReversion.Definition, new Dictionary<string, object>
        {
            ["bands.period"] = 3,
            ["bands.std_devs"] = 1m,
            ["allocation"] = 0.5m,
            ["allow_short"] = allowShort,
        }, [.. Closes.Select((c, i) => Flat(Open.AddMinutes(i), c))]);
}
