using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Matching;
using Orchestrator.Domain.Matching.Slippage;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Tests.Matching;

public sealed class PaperExchangeTests
{
    // Monday 2026-03-09, EDT (UTC-4): the session is 13:30Z to 20:00Z.
    private static readonly DateTimeOffset T0 = new(2026, 3, 9, 14, 0, 0, TimeSpan.Zero);
    private static readonly Guid Account = Guid.Parse("0190a000-0000-7000-8000-0000000000aa");
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private static PaperExchange Exchange(PaperExchangeOptions? options = null) => new(options ?? new PaperExchangeOptions());

    private static Order Order(OrderSide side, OrderType type, decimal quantity, decimal? limit = null, decimal? stop = null,
        TimeInForce tif = TimeInForce.Gtc, DateTimeOffset? goodTill = null) =>
        new(Guid.CreateVersion7(), "AAPL", side, type, quantity, tif, limit, stop, goodTill);

    private static Bar Bar(DateTimeOffset start, decimal open, decimal high, decimal low, decimal close, decimal volume) =>
        new("AAPL", start, Minute, open, high, low, close, volume);

    private static Execution Single(IReadOnlyList<ExchangeEvent> events) =>
        Assert.Single(events, e => e.Kind == ExchangeEventKind.Fill).Execution!;

    [Fact]
    public void A_market_buy_takes_the_ask_up_to_its_size_and_rests_the_rest_until_the_next_quote()
    {
        var exchange = Exchange();
        exchange.OnQuote(new Quote("AAPL", T0, 99.90m, 100.00m, 500m, 300m));
        var order = Order(OrderSide.Buy, OrderType.Market, 500m);

        var first = Single(exchange.Submit(Account, order, T0.AddSeconds(1)));
        // 300 shown at the ask: 300 @ 100.00; commission 300 x 0.005 = 1.50.
        Assert.Equal(new Execution(order.OrderId, Account, "PAPER-0000000001", "AAPL", OrderSide.Buy, 300m, 100.00m, 1.50m, Liquidity.Aggressive, T0.AddSeconds(1)), first);
        Assert.Equal(200m, Assert.Single(exchange.OpenOrders()).RemainingQuantity);

        var second = Single(exchange.OnQuote(new Quote("AAPL", T0.AddSeconds(2), 99.95m, 100.05m, 500m, 1_000m)));
        // The remaining 200 @ 100.05; 200 x 0.005 = 1.00.
        Assert.Equal(("PAPER-0000000002", 200m, 100.05m, 1.00m, Liquidity.Aggressive), (second.TradeId, second.Quantity, second.Price, second.Commission, second.Liquidity));
        Assert.Empty(exchange.OpenOrders());
        Assert.Equal(3, exchange.NextTradeSequence);
    }

    [Fact]
    public void A_market_order_with_no_market_rests_and_fills_at_the_next_bars_open()
    {
        var exchange = Exchange();
        var order = Order(OrderSide.Buy, OrderType.Market, 100m);
        Assert.Empty(exchange.Submit(Account, order, T0));

        var fill = Single(exchange.OnBar(Bar(T0, 101m, 102m, 100m, 101.5m, 10_000m)));
        // At the open, 101; the fill is known at the bar's end.
        Assert.Equal((100m, 101m, Liquidity.Aggressive, T0 + Minute), (fill.Quantity, fill.Price, fill.Liquidity, fill.ExchangeTime));
    }

    [Fact]
    public void A_resting_limit_buy_fills_only_when_a_bar_trades_strictly_through_it()
    {
        var exchange = Exchange();
        var order = Order(OrderSide.Buy, OrderType.Limit, 100m, limit: 100m);
        exchange.Submit(Account, order, T0);

        // Low = 100.00 only touches the limit: no fill.
        Assert.Empty(exchange.OnBar(Bar(T0, 100.50m, 101m, 100.00m, 100.40m, 10_000m)));

        // Low 99.90 < 100: fills at the limit 100 (the bar opened above it), passively.
        var fill = Single(exchange.OnBar(Bar(T0 + Minute, 100.20m, 100.30m, 99.90m, 100.10m, 10_000m)));
        Assert.Equal((100m, 100m, Liquidity.Passive), (fill.Quantity, fill.Price, fill.Liquidity));
    }

    [Fact]
    public void A_resting_limit_fills_at_the_open_when_the_bar_opens_better()
    {
        var exchange = Exchange();
        exchange.Submit(Account, Order(OrderSide.Sell, OrderType.Limit, 50m, limit: 100m), T0);
        // A sell limit at 100, the bar gaps up to open at 101: fills at 101.
        var fill = Single(exchange.OnBar(Bar(T0, 101m, 101.50m, 100.80m, 101.20m, 10_000m)));
        Assert.Equal((50m, 101m), (fill.Quantity, fill.Price));
    }

    [Fact]
    public void When_volume_is_short_a_better_price_fills_first_then_the_earlier_order_at_the_same_price()
    {
        var exchange = Exchange();
        var early = Order(OrderSide.Buy, OrderType.Limit, 100m, limit: 10.00m);
        var late = Order(OrderSide.Buy, OrderType.Limit, 100m, limit: 10.00m);
        var better = Order(OrderSide.Buy, OrderType.Limit, 100m, limit: 10.05m);
        exchange.Submit(Account, early, T0);
        exchange.Submit(Account, late, T0.AddSeconds(1));
        exchange.Submit(Account, better, T0.AddSeconds(2));

        // 25% of 600 = 150 shares available. The best price (10.05, submitted last) takes 100 at its limit
        // (the bar opened at 10.10, above it); the earlier of the two at 10.00 takes the other 50; the later gets none.
        var fills = exchange.OnBar(Bar(T0 + Minute, 10.10m, 10.12m, 9.90m, 9.95m, 600m)).Select(e => e.Execution!).ToList();
        Assert.Equal(
            [(better.OrderId, 100m, 10.05m), (early.OrderId, 50m, 10.00m)],
            fills.Select(f => (f.OrderId, f.Quantity, f.Price)));
        Assert.Equal(
            [(early.OrderId, 50m), (late.OrderId, 100m)],
            exchange.OpenOrders().Select(o => (o.OrderId, o.RemainingQuantity)));
    }

    [Fact]
    public void Participation_caps_all_our_orders_on_a_side_per_bar()
    {
        var exchange = Exchange();
        exchange.Submit(Account, Order(OrderSide.Buy, OrderType.Market, 80m), T0);
        exchange.Submit(Account, Order(OrderSide.Buy, OrderType.Market, 80m), T0);
        exchange.Submit(Account, Order(OrderSide.Sell, OrderType.Market, 30m), T0);

        // 25% of 400 = 100 per side: the buys get 80 + 20, the sell its 30.
        var fills = exchange.OnBar(Bar(T0, 50m, 51m, 49m, 50.50m, 400m)).Select(e => (e.Execution!.Side, e.Execution.Quantity)).ToList();
        Assert.Equal([(OrderSide.Buy, 80m), (OrderSide.Buy, 20m), (OrderSide.Sell, 30m)], fills);

        // The bar is now the last market, with nothing left on the buy side: a new market buy rests.
        Assert.Empty(exchange.Submit(Account, Order(OrderSide.Buy, OrderType.Market, 10m), T0 + Minute));
        // The sell side still has 100 - 30 = 70 at the close, 50.50.
        var sell = Single(exchange.Submit(Account, Order(OrderSide.Sell, OrderType.Market, 100m, tif: TimeInForce.Ioc), T0 + Minute));
        Assert.Equal((70m, 50.50m), (sell.Quantity, sell.Price));
    }

    [Fact]
    public void A_buy_stop_triggers_exactly_when_the_bar_high_reaches_it()
    {
        var exchange = Exchange();
        var stop = Order(OrderSide.Buy, OrderType.Stop, 100m, stop: 105m);
        exchange.Submit(Account, stop, T0);

        // High 104.99 < 105: not triggered.
        Assert.Empty(exchange.OnBar(Bar(T0, 104m, 104.99m, 103m, 104.50m, 10_000m)));
        Assert.False(Assert.Single(exchange.OpenOrders()).Triggered);

        // High 105 touches: triggered, fills at max(stop 105, open 104.60) = 105, aggressively.
        var fill = Single(exchange.OnBar(Bar(T0 + Minute, 104.60m, 105m, 104.50m, 104.90m, 10_000m)));
        Assert.Equal((100m, 105m, Liquidity.Aggressive), (fill.Quantity, fill.Price, fill.Liquidity));
    }

    [Fact]
    public void A_sell_stop_gapped_through_fills_at_the_open()
    {
        var exchange = Exchange();
        exchange.Submit(Account, Order(OrderSide.Sell, OrderType.Stop, 100m, stop: 95m), T0);
        // Opens at 94, below the stop: min(95, 94) = 94.
        Assert.Equal(94m, Single(exchange.OnBar(Bar(T0, 94m, 94.50m, 93m, 94.20m, 10_000m))).Price);
    }

    [Fact]
    public void A_stop_limit_triggers_then_works_as_a_limit()
    {
        var exchange = Exchange();
        var order = Order(OrderSide.Buy, OrderType.StopLimit, 100m, limit: 100.50m, stop: 100m);
        exchange.Submit(Account, order, T0);

        // Triggered (high 101 >= 100) on a bar that gapped to open at 101: the trigger price is
        // max(100, 101) = 101, above the 100.50 limit, and the low 100.60 never traded through 100.50: no fill.
        Assert.Empty(exchange.OnBar(Bar(T0, 101m, 101.20m, 100.60m, 100.80m, 10_000m)));
        var resting = Assert.Single(exchange.OpenOrders());
        Assert.True(resting.Triggered);

        // Now a resting limit: the next bar trades down through 100.50 (low 100.40) and fills at the limit, passively.
        var fill = Single(exchange.OnBar(Bar(T0 + Minute, 100.70m, 100.80m, 100.40m, 100.45m, 10_000m)));
        Assert.Equal((100.50m, Liquidity.Passive), (fill.Price, fill.Liquidity));
    }

    [Fact]
    public void Ioc_fills_what_is_there_and_cancels_the_rest()
    {
        var exchange = Exchange();
        exchange.OnQuote(new Quote("AAPL", T0, 99.90m, 100m, 1_000m, 60m));
        var order = Order(OrderSide.Buy, OrderType.Limit, 100m, limit: 100m, tif: TimeInForce.Ioc);

        var events = exchange.Submit(Account, order, T0);
        Assert.Equal([ExchangeEventKind.Fill, ExchangeEventKind.Cancelled], events.Select(e => e.Kind));
        Assert.Equal(60m, events[0].Execution!.Quantity);
        Assert.Equal("IOC remainder", events[1].Reason);
        Assert.Empty(exchange.OpenOrders());
    }

    [Fact]
    public void Fok_fills_all_at_once_or_nothing()
    {
        var exchange = Exchange();
        exchange.OnQuote(new Quote("AAPL", T0, 99.90m, 100m, 1_000m, 60m));

        var tooBig = Order(OrderSide.Buy, OrderType.Market, 100m, tif: TimeInForce.Fok);
        var refused = Assert.Single(exchange.Submit(Account, tooBig, T0));
        Assert.Equal((ExchangeEventKind.Cancelled, "FOK could not fill 100 at once"), (refused.Kind, refused.Reason));

        var fits = Order(OrderSide.Buy, OrderType.Market, 60m, tif: TimeInForce.Fok);
        Assert.Equal(60m, Single(exchange.Submit(Account, fits, T0)).Quantity);
        Assert.Empty(exchange.OpenOrders());
    }

    [Fact]
    public void Slippage_applies_to_aggressive_fills_only()
    {
        var exchange = Exchange(new PaperExchangeOptions { SlippageModel = new FixedSlippageModel(0.001m) });
        exchange.Submit(Account, Order(OrderSide.Buy, OrderType.Market, 10m), T0);
        exchange.Submit(Account, Order(OrderSide.Sell, OrderType.Limit, 10m, limit: 100.50m), T0);

        var fills = exchange.OnBar(Bar(T0, 100m, 101m, 99m, 100.80m, 10_000m)).Select(e => e.Execution!).ToList();
        // Market buy at open 100 x 1.001 = 100.100; resting sell limit at exactly 100.50.
        Assert.Equal([(100.100m, Liquidity.Aggressive), (100.50m, Liquidity.Passive)], fills.Select(f => (f.Price, f.Liquidity)));
    }

    [Fact]
    public void Slippage_never_takes_a_marketable_limit_beyond_its_limit()
    {
        var exchange = Exchange(new PaperExchangeOptions { SlippageModel = new FixedSlippageModel(0.01m) });
        exchange.OnQuote(new Quote("AAPL", T0, 99.90m, 100m, 1_000m, 1_000m));
        // Ask 100 x 1.01 = 101, capped at the 100.50 limit.
        Assert.Equal(100.50m, Single(exchange.Submit(Account, Order(OrderSide.Buy, OrderType.Limit, 10m, limit: 100.50m), T0)).Price);
    }

    [Fact]
    public void A_quote_reaching_a_resting_limit_fills_it_at_the_limit_passively()
    {
        var exchange = Exchange();
        exchange.OnQuote(new Quote("AAPL", T0, 99.90m, 100m, 1_000m, 1_000m));
        exchange.Submit(Account, Order(OrderSide.Buy, OrderType.Limit, 500m, limit: 99.50m), T0);

        // Ask 99.40 <= 99.50 with 200 shown: 200 @ 99.50.
        var fill = Single(exchange.OnQuote(new Quote("AAPL", T0.AddSeconds(1), 99.30m, 99.40m, 1_000m, 200m)));
        Assert.Equal((200m, 99.50m, Liquidity.Passive), (fill.Quantity, fill.Price, fill.Liquidity));
        Assert.Equal('P', fill.Liquidity.ToSeedCode());
        Assert.Equal('A', Liquidity.Aggressive.ToSeedCode());
    }

    [Fact]
    public void Day_orders_expire_at_1600_new_york_in_both_winter_and_summer_time()
    {
        var exchange = Exchange();
        // Friday 2026-03-06 is EST: 16:00 = 21:00Z.
        var winter = Order(OrderSide.Buy, OrderType.Limit, 1m, limit: 1m, tif: TimeInForce.Day);
        exchange.Submit(Account, winter, new DateTimeOffset(2026, 3, 6, 15, 0, 0, TimeSpan.Zero));
        // Submitted after Friday's close: the next session is Monday 2026-03-09, EDT: 16:00 = 20:00Z.
        var summer = Order(OrderSide.Buy, OrderType.Limit, 1m, limit: 1m, tif: TimeInForce.Day);
        exchange.Submit(Account, summer, new DateTimeOffset(2026, 3, 6, 22, 0, 0, TimeSpan.Zero));

        var fridayClose = new DateTimeOffset(2026, 3, 6, 21, 0, 0, TimeSpan.Zero);
        var mondayClose = new DateTimeOffset(2026, 3, 9, 20, 0, 0, TimeSpan.Zero);
        Assert.Equal([fridayClose, mondayClose], exchange.OpenOrders().Select(o => o.ExpiresAt!.Value));

        Assert.Empty(exchange.AdvanceTime(fridayClose.AddTicks(-1)));
        Assert.Equal(new ExchangeEvent(ExchangeEventKind.Expired, Account, winter.OrderId, fridayClose), Assert.Single(exchange.AdvanceTime(fridayClose)));
        Assert.Empty(exchange.AdvanceTime(mondayClose.AddTicks(-1)));
        Assert.Equal(summer.OrderId, Assert.Single(exchange.AdvanceTime(mondayClose.AddHours(1))).OrderId);
    }

    [Fact]
    public void A_day_order_can_fill_in_the_last_bar_and_expires_at_its_end()
    {
        var exchange = Exchange();
        var order = Order(OrderSide.Buy, OrderType.Limit, 100m, limit: 100m, tif: TimeInForce.Day);
        exchange.Submit(Account, order, T0);
        var lastBar = new DateTimeOffset(2026, 3, 9, 19, 59, 0, TimeSpan.Zero);

        // 15:59-16:00 EDT: 25% of 200 = 50 fill at 100, then the other 50 expire at 16:00 = 20:00Z.
        var events = exchange.OnBar(Bar(lastBar, 100.10m, 100.20m, 99.80m, 100m, 200m));
        Assert.Equal([(ExchangeEventKind.Fill, lastBar + Minute), (ExchangeEventKind.Expired, lastBar + Minute)], events.Select(e => (e.Kind, e.At)));
    }

    [Fact]
    public void Gtd_orders_expire_at_their_date_before_a_later_bar_can_fill_them()
    {
        var exchange = Exchange();
        var gtd = T0.AddMinutes(30);
        var order = Order(OrderSide.Buy, OrderType.Limit, 10m, limit: 100m, tif: TimeInForce.Gtd, goodTill: gtd);
        exchange.Submit(Account, order, T0);

        // The bar starting at the GTD would fill it, but the order expires at its start first.
        var events = exchange.OnBar(Bar(gtd, 99m, 99.50m, 98m, 99m, 10_000m));
        Assert.Equal(new ExchangeEvent(ExchangeEventKind.Expired, Account, order.OrderId, gtd), Assert.Single(events));

        // A GTD already past on submit expires at once.
        var late = Order(OrderSide.Buy, OrderType.Limit, 10m, limit: 100m, tif: TimeInForce.Gtd, goodTill: T0);
        var expired = Assert.Single(exchange.Submit(Account, late, T0.AddSeconds(1)));
        Assert.Equal((ExchangeEventKind.Expired, T0.AddSeconds(1)), (expired.Kind, expired.At));
    }

    [Fact]
    public void Cancel_returns_an_event_once_and_null_after()
    {
        var exchange = Exchange();
        var order = Order(OrderSide.Buy, OrderType.Limit, 10m, limit: 100m);
        exchange.Submit(Account, order, T0);

        Assert.Equal(ExchangeEventKind.Cancelled, exchange.Cancel(order.OrderId, T0.AddSeconds(5))!.Kind);
        Assert.Null(exchange.Cancel(order.OrderId, T0.AddSeconds(6)));
        Assert.Null(exchange.Cancel(Guid.CreateVersion7(), T0));
        Assert.Empty(exchange.OnBar(Bar(T0, 99m, 99m, 98m, 98m, 10_000m)));
    }

    [Fact]
    public void Restored_orders_keep_their_call_order_priority_and_do_not_match_on_restore()
    {
        var exchange = Exchange(new PaperExchangeOptions { FirstTradeSequence = 41 });
        exchange.OnQuote(new Quote("AAPL", T0, 99m, 99.50m, 1_000m, 1_000m));
        var first = Order(OrderSide.Buy, OrderType.Limit, 100m, limit: 100m);
        first.ApplyFill(40m, 99.80m, T0);
        var second = Order(OrderSide.Buy, OrderType.Limit, 100m, limit: 100m);

        // Marketable against the ask (100 >= 99.50), but Restore does not match.
        exchange.Restore(Account, first, submittedAt: T0);
        exchange.Restore(Account, second, submittedAt: T0);
        Assert.Equal([60m, 100m], exchange.OpenOrders(Account).Select(o => o.RemainingQuantity));

        // 25% of 400 = 100: the first restored gets its 60, the second 40; trade ids continue from 41.
        var fills = exchange.OnBar(Bar(T0, 100m, 100m, 99m, 99.50m, 400m)).Select(e => e.Execution!).ToList();
        Assert.Equal([(first.OrderId, 60m, "PAPER-0000000041"), (second.OrderId, 40m, "PAPER-0000000042")], fills.Select(f => (f.OrderId, f.Quantity, f.TradeId)));
        // The first had filled before the restart: no per-order "first fill" (the default fee is per share, 60 x 0.005 -> $1 minimum).
        Assert.Equal(1m, fills[0].Commission);
    }

    [Fact]
    public void Inconsistent_orders_are_refused_naming_the_field()
    {
        var exchange = Exchange();
        var error = Assert.Throws<ArgumentException>(() => exchange.Submit(Account, Order(OrderSide.Buy, OrderType.Limit, 1m), T0));
        Assert.StartsWith("limit_price: a LIMIT order needs a positive limit price.", error.Message, StringComparison.Ordinal);
        Assert.Equal("stop_price: a STOP_LIMIT order needs a positive stop price.", OrderValidation.Validate(Order(OrderSide.Buy, OrderType.StopLimit, 1m, limit: 1m)));
        Assert.Equal("limit_price: a MARKET order must not have a limit price.", OrderValidation.Validate(Order(OrderSide.Buy, OrderType.Market, 1m, limit: 1m)));
        Assert.Equal("good_till_date: a GTD order needs a good-till date.", OrderValidation.Validate(Order(OrderSide.Buy, OrderType.Market, 1m, tif: TimeInForce.Gtd)));
    }

    [Fact]
    public void The_last_price_is_the_latest_quote_mid_or_bar_close()
    {
        var exchange = Exchange();
        Assert.Null(exchange.LastPrice("AAPL"));
        exchange.OnBar(Bar(T0, 100m, 101m, 99m, 100.40m, 1_000m));
        Assert.Equal(100.40m, exchange.LastPrice("AAPL"));
        // Mid (100.10 + 100.20) / 2 = 100.15.
        exchange.OnQuote(new Quote("AAPL", T0 + Minute, 100.10m, 100.20m, 100m, 100m));
        Assert.Equal(100.15m, exchange.LastPrice("AAPL"));
    }

    [Fact]
    public void A_restored_day_order_without_its_submission_time_takes_the_session_of_the_next_instant_seen()
    {
        var exchange = Exchange();
        var order = Order(OrderSide.Buy, OrderType.Limit, 10m, limit: 1m, tif: TimeInForce.Day);
        exchange.Restore(Account, order);
        Assert.Null(Assert.Single(exchange.OpenOrders()).ExpiresAt);

        // T0 is Monday 10:00 EDT: the session closes at 16:00 EDT = 20:00Z.
        Assert.Empty(exchange.AdvanceTime(T0));
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 20, 0, 0, TimeSpan.Zero), Assert.Single(exchange.OpenOrders()).ExpiresAt);
    }

    [Fact]
    public void A_quote_triggers_a_buy_stop_when_the_ask_reaches_it_and_fills_it_at_the_ask()
    {
        var exchange = Exchange();
        exchange.OnQuote(new Quote("AAPL", T0, 99.80m, 99.90m, 1_000m, 1_000m));
        var stop = Order(OrderSide.Buy, OrderType.Stop, 50m, stop: 100m);
        Assert.Empty(exchange.Submit(Account, stop, T0));

        // Ask 99.99 < 100: nothing. Ask 100.02 >= 100: triggered, 50 @ 100.02, aggressively.
        Assert.Empty(exchange.OnQuote(new Quote("AAPL", T0.AddSeconds(1), 99.98m, 99.99m, 1_000m, 1_000m)));
        var fill = Single(exchange.OnQuote(new Quote("AAPL", T0.AddSeconds(2), 100.01m, 100.02m, 1_000m, 1_000m)));
        Assert.Equal((50m, 100.02m, Liquidity.Aggressive), (fill.Quantity, fill.Price, fill.Liquidity));
    }

    [Fact]
    public void Trade_ids_are_the_prefix_and_the_sequence_in_at_least_ten_digits()
    {
        var exchange = Exchange(new PaperExchangeOptions { FirstTradeSequence = 99_999_999_999, TradeIdPrefix = "T-" });
        exchange.OnQuote(new Quote("AAPL", T0, 99m, 100m, 10m, 10m));
        Assert.Equal("T-99999999999", Single(exchange.Submit(Account, Order(OrderSide.Buy, OrderType.Market, 1m), T0)).TradeId);
        Assert.Equal("T-100000000000", Single(exchange.Submit(Account, Order(OrderSide.Buy, OrderType.Market, 1m), T0)).TradeId);
    }
}
