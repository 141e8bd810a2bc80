using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Matching;
using Orchestrator.Domain.Matching.Slippage;
using Orchestrator.Domain.Orders;
using Orchestrator.Domain.Portfolio;

namespace Orchestrator.Domain.Tests.Matching;

/// <summary>
/// Random order flows and bar/quote series through one exchange, every event applied to a trading account,
/// checking the invariants after every step: quantities, terminal states, cash conservation, IOC/FOK, stop
/// triggering and the participation limit.
/// </summary>
public sealed class PaperExchangePropertyTests
{
    // Monday 2026-03-09 15:00 EDT: DAY orders expire at 20:00Z, an hour in.
    private static readonly DateTimeOffset Start = new(2026, 3, 9, 19, 0, 0, TimeSpan.Zero);
    private static readonly Guid AccountId = Guid.Parse("0190a000-0000-7000-8000-0000000000aa");
    private const decimal Tick = 0.25m;
    private const decimal Participation = 0.25m;

    [Property(MaxTest = 300, Arbitrary = [typeof(FlowArbitrary)])]
    public void Random_flows_keep_every_invariant(Flow flow) => new FlowRun().Run(flow);

    public abstract record Step;

    public sealed record SubmitStep(OrderSide Side, OrderType Type, TimeInForce Tif, int Quantity, int LimitTicks, int StopTicks, int GoodTillMinutes) : Step;

    public sealed record BarStep(int OpenTicks, int Up, int Down, int CloseOffset, int Volume) : Step;

    public sealed record QuoteStep(int BidTicks, int SpreadTicks, int BidSize, int AskSize) : Step;

    public sealed record CancelStep(int Index) : Step;

    public sealed record AdvanceStep(int Minutes) : Step;

    public sealed record Flow(Step[] Steps)
    {
        public override string ToString() => string.Join(Environment.NewLine, Steps.Select(s => s.ToString()));
    }

    public static class FlowArbitrary
    {
        public static Arbitrary<Flow> Flows()
        {
            var submit =
                from side in Gen.Elements(OrderSide.Buy, OrderSide.Sell)
                from type in Gen.Elements(OrderType.Market, OrderType.Limit, OrderType.Limit, OrderType.Stop, OrderType.StopLimit)
                from tif in Gen.Elements(TimeInForce.Day, TimeInForce.Gtc, TimeInForce.Ioc, TimeInForce.Fok, TimeInForce.Gtd)
                from quantity in Gen.Choose(1, 400)
                from limit in Gen.Choose(-8, 8)
                from stop in Gen.Choose(-8, 8)
                from goodTill in Gen.Choose(0, 40)
                select (Step)new SubmitStep(side, type, tif, quantity, limit, stop, goodTill);
            var bar =
                from open in Gen.Choose(-8, 8)
                from up in Gen.Choose(0, 6)
                from down in Gen.Choose(0, 6)
                from close in Gen.Choose(-6, 6)
                from volume in Gen.Choose(0, 2_000)
                select (Step)new BarStep(open, up, down, close, volume);
            var quote =
                from bid in Gen.Choose(-8, 8)
                from spread in Gen.Choose(1, 3)
                from bidSize in Gen.Choose(0, 300)
                from askSize in Gen.Choose(0, 300)
                select (Step)new QuoteStep(bid, spread, bidSize, askSize);
            var cancel = Gen.Choose(0, 1_000).Select(i => (Step)new CancelStep(i));
            var advance = Gen.Choose(1, 30).Select(m => (Step)new AdvanceStep(m));
            var step = Gen.Frequency((6, submit), (4, bar), (2, quote), (1, cancel), (1, advance));
            return step.ArrayOf().Select(steps => new Flow(steps)).ToArbitrary();
        }
    }

    private static decimal Price(int ticks) => 100m + (ticks * Tick);

    private sealed class FlowRun
    {
        private readonly PaperExchange _exchange = new(new PaperExchangeOptions { SlippageModel = new FixedSlippageModel(0.0005m) });
        private readonly TradingAccount _account = new(AccountId, "USD", 1_000_000m, AccountLimits.None);
        private readonly Dictionary<Guid, Order> _orders = [];
        private readonly List<Order> _submitted = [];
        private readonly Dictionary<Guid, decimal> _filled = [];
        private DateTimeOffset _now = Start;

        public void Run(Flow flow)
        {
            foreach (var step in flow.Steps)
            {
                switch (step)
                {
                    case SubmitStep s:
                        Submit(s);
                        break;
                    case BarStep b:
                        OnBar(b);
                        break;
                    case QuoteStep q:
                        var quote = new Quote("SPY", _now, Price(q.BidTicks), Price(q.BidTicks + q.SpreadTicks), q.BidSize, q.AskSize);
                        var fills = Apply(_exchange.OnQuote(quote));
                        // Against a quote, fills on a side never exceed the size shown on it.
                        Assert.True(fills.Buys <= q.AskSize && fills.Sells <= q.BidSize, $"quote fills {fills} exceed {q}");
                        _sinceBar = null;
                        break;
                    case CancelStep c when _submitted.Count > 0:
                        var order = _submitted[c.Index % _submitted.Count];
                        if (_exchange.Cancel(order.OrderId, _now) is { } cancelled)
                        {
                            Apply([cancelled]);
                        }

                        break;
                    case AdvanceStep a:
                        _now = _now.AddMinutes(a.Minutes);
                        Apply(_exchange.AdvanceTime(_now));
                        break;
                }
            }

            foreach (var order in _submitted)
            {
                // Partial fills sum to the order's filled quantity, which never exceeds its quantity.
                Assert.Equal(_filled.GetValueOrDefault(order.OrderId), order.FilledQuantity);
                Assert.True(order.FilledQuantity <= order.Quantity);
            }

            // The book and the orders agree: what rests is exactly what is open, with the same remainder.
            var resting = _exchange.OpenOrders().ToDictionary(o => o.OrderId, o => o.RemainingQuantity);
            var open = _submitted.Where(o => !o.Status.IsTerminal()).ToDictionary(o => o.OrderId, o => o.RemainingQuantity);
            Assert.Equal(open.OrderBy(p => p.Key), resting.OrderBy(p => p.Key));
        }

        /// <summary>Fills so far against the current last bar, per side (null once a quote is the last market).</summary>
        private (decimal Volume, decimal Buys, decimal Sells)? _sinceBar;

        private void Submit(SubmitStep s)
        {
            decimal? limit = s.Type is OrderType.Limit or OrderType.StopLimit ? Price(s.LimitTicks) : null;
            decimal? stop = s.Type is OrderType.Stop or OrderType.StopLimit ? Price(s.StopTicks) : null;
            DateTimeOffset? goodTill = s.Tif == TimeInForce.Gtd ? _now.AddMinutes(s.GoodTillMinutes) : null;
            var order = new Order(Guid.CreateVersion7(), "SPY", s.Side, s.Type, s.Quantity, s.Tif, limit, stop, goodTill);
            _orders.Add(order.OrderId, order);
            _submitted.Add(order);
            _account.Accept(order, limit ?? 100m, DateOnly.FromDateTime(_now.UtcDateTime));

            var fills = Apply(_exchange.Submit(AccountId, order, _now));
            if (_sinceBar is { } bar)
            {
                _sinceBar = bar with { Buys = bar.Buys + fills.Buys, Sells = bar.Sells + fills.Sells };
                AssertParticipation();
            }

            // IOC leaves nothing resting; FOK fills all or nothing; both are done once submitted.
            if (s.Tif is TimeInForce.Ioc or TimeInForce.Fok)
            {
                Assert.True(order.Status.IsTerminal(), $"{s.Tif} order is {order.Status}");
                Assert.DoesNotContain(_exchange.OpenOrders(), o => o.OrderId == order.OrderId);
            }

            if (s.Tif == TimeInForce.Fok)
            {
                Assert.True(order.FilledQuantity == 0m || order.FilledQuantity == order.Quantity, $"FOK filled {order.FilledQuantity} of {order.Quantity}");
                Assert.True(_filled.GetValueOrDefault(order.OrderId) is 0m || order.Status == OrderStatus.Filled);
            }
        }

        private void OnBar(BarStep b)
        {
            var open = Price(b.OpenTicks);
            var high = open + (b.Up * Tick);
            var low = open - (b.Down * Tick);
            var close = Math.Clamp(open + (b.CloseOffset * Tick), low, high);
            var bar = new Bar("SPY", _now, TimeSpan.FromMinutes(1), open, high, low, close, b.Volume);
            var waitingStops = _exchange.OpenOrders().Where(o => o.StopPrice is not null && !o.Triggered).ToList();

            var events = _exchange.OnBar(bar);
            var fills = Apply(events);
            _sinceBar = (b.Volume, fills.Buys, fills.Sells);
            AssertParticipation();

            // A stop triggers exactly when the bar reaches it: buy at High >= stop, sell at Low <= stop.
            var after = _exchange.OpenOrders().ToDictionary(o => o.OrderId);
            foreach (var stop in waitingStops)
            {
                var crossed = stop.Side == OrderSide.Buy ? high >= stop.StopPrice : low <= stop.StopPrice;
                var expiredAtStart = stop.ExpiresAt <= bar.Start;
                if (after.TryGetValue(stop.OrderId, out var now))
                {
                    Assert.Equal(crossed, now.Triggered);
                }
                else if (!expiredAtStart && events.Any(e => e.OrderId == stop.OrderId && e.Kind == ExchangeEventKind.Fill))
                {
                    Assert.True(crossed, $"stop {stop.StopPrice} filled on a bar {low}-{high} that did not reach it");
                }
            }

            _now = bar.End;
        }

        private void AssertParticipation()
        {
            // Per bar, fills on one side never exceed ParticipationRate x volume.
            var (volume, buys, sells) = _sinceBar!.Value;
            Assert.True(buys <= Participation * volume && sells <= Participation * volume, $"fills {buys}/{sells} exceed 25% of {volume}");
        }

        private (decimal Buys, decimal Sells) Apply(IReadOnlyList<ExchangeEvent> events)
        {
            decimal buys = 0m, sells = 0m;
            foreach (var e in events)
            {
                var order = _orders[e.OrderId];
                // Terminal states are final: no event after an order's terminal event.
                Assert.False(order.Status.IsTerminal(), $"{e.Kind} for order {order.OrderId} already {order.Status}");
                switch (e.Kind)
                {
                    case ExchangeEventKind.Fill:
                        var x = e.Execution!;
                        Assert.True(x.Quantity > 0m);
                        var cashBefore = _account.Cash;
                        var heldBefore = _account.Positions.QuantityOf(x.Symbol);
                        _account.ApplyExecution(x);
                        var heldAfter = _account.Positions.QuantityOf(x.Symbol);
                        // Cash + position value at the fill price is conserved net of commission.
                        Assert.Equal(cashBefore + (heldBefore * x.Price), _account.Cash + (heldAfter * x.Price) + x.Commission);
                        _filled[x.OrderId] = _filled.GetValueOrDefault(x.OrderId) + x.Quantity;
                        if (x.Side == OrderSide.Buy)
                        {
                            buys += x.Quantity;
                        }
                        else
                        {
                            sells += x.Quantity;
                        }

                        break;
                    case ExchangeEventKind.Cancelled:
                        _account.ApplyCancel(e.OrderId, e.At, e.Reason);
                        break;
                    case ExchangeEventKind.Expired:
                        _account.ApplyExpire(e.OrderId, e.At);
                        break;
                }
            }

            return (buys, sells);
        }
    }
}
