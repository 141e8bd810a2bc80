using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Matching;
using Orchestrator.Domain.Orders;
using Orchestrator.Domain.Strategies;
using Orchestrator.Domain.Strategies.Pipeline;

namespace Orchestrator.Domain.Backtesting;

/// <summary>Signals to orders, and the exchange's events applied to the account, the trade list and the order records.</summary>
public sealed partial class BacktestEngine
{
    private void Route(in Bar bar)
    {
        MarkPositions();
        // Copy first: routing may not add signals, but a strategy emitting from OnBar re-entrantly must not break the loop.
        for (var i = 0; i < _pending.Count; i++)
        {
            var signal = _pending[i];
            var signalId = _ids.Next();
            SignalCount++;
            if (signal.ExpiresAt is { } expiry && expiry <= bar.End)
            {
                continue;
            }

            CancelWorking(signal.Symbol, bar.End);
            if (SignalOrders.For(signal, _account.Positions.QuantityOf(signal.Symbol), _ids.Next()) is not { } order)
            {
                continue;
            }

            var record = new OrderRecord(order, signalId, signal, bar.End, _orders.Count);
            _orders.Add(null);
            var price = _exchange.LastPrice(signal.Symbol) ?? signal.Price;
            var commission = _settings.FeeModel.Commission(new Matching.Fees.FeeContext(order.Quantity, price, true));
            var tradingDay = _settings.TradingHoursFor(signal.Symbol).TradingDay(bar.End);
            var check = _account.TryAccept(order, price, tradingDay, commission);
            if (!check.IsAccepted)
            {
                _account.RejectOnly(order, check.Violation!.Message);
                Complete(record);
                continue;
            }

            _submitting = record;
            Apply(_exchange.Submit(AccountId, order, bar.End));
            _submitting = null;
            if (order.Status.IsTerminal())
            {
                Complete(record);
            }
            else
            {
                _working.Add(order.OrderId, record);
            }
        }

        _pending.Clear();
    }

    private void CancelWorking(string symbol, DateTimeOffset at)
    {
        if (!_account.HasOpenOrders(symbol))
        {
            return; // the usual case: market orders fill at once, so walking every open order is rarely needed
        }

        List<Guid>? working = null;
        foreach (var open in _account.OpenOrders)
        {
            if (open.Symbol == symbol)
            {
                (working ??= []).Add(open.OrderId);
            }
        }

        if (working is null)
        {
            return;
        }

        foreach (var orderId in working)
        {
            if (_exchange.Cancel(orderId, at) is { } cancelled)
            {
                _account.Cancel(orderId, cancelled.At);
                Release(orderId);
            }
        }
    }

    private void Apply(IReadOnlyList<ExchangeEvent> events)
    {
        // Indexed, not foreach: a foreach over the interface boxes an enumerator per call.
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            switch (e.Kind)
            {
                case ExchangeEventKind.Fill:
                    var fill = e.Execution!;
                    var held = _account.Positions.Open(fill.Symbol);
                    var (before, average) = held is null ? (0m, 0m) : (held.Quantity, held.AveragePrice);
                    _account.Fill(fill);
                    _trades.Apply(fill);
                    _totalFees += fill.Commission;
                    _dayNotional += fill.Quantity * fill.Price;
                    var record = _submitting is { } s && s.Order.OrderId == fill.OrderId ? s : _working[fill.OrderId];
                    record.Fees += fill.Commission;
                    _executions.Add(SignalExecution.Of(record.SignalId, record.Signal, fill, before, average));
                    if (record.Order.Status.IsTerminal())
                    {
                        _working.Remove(fill.OrderId);
                        Complete(record);
                    }

                    break;
                case ExchangeEventKind.Cancelled:
                    _account.Cancel(e.OrderId, e.At);
                    Release(e.OrderId);
                    break;
                case ExchangeEventKind.Expired:
                    _account.Expire(e.OrderId, e.At);
                    Release(e.OrderId);
                    break;
            }
        }
    }

    /// <summary>An order stopped working before it filled completely (cancelled or expired).</summary>
    private void Release(Guid orderId)
    {
        if (_working.Remove(orderId, out var record))
        {
            Complete(record);
        }
    }

    /// <summary>
    /// An order reached its final state: its result takes the order's slot, and the order, its record and its
    /// signal are no longer referenced. Keeping only the result per order keeps what a run holds (and what each
    /// garbage collection during it must copy) to the objects the result needs.
    /// </summary>
    private void Complete(OrderRecord record) => _orders[record.Index] = record.ToResult();

    /// <summary>An order of the run while it can still change, with the signal it came from and the commission its fills have cost.</summary>
    private sealed class OrderRecord(Order order, Guid signalId, Signal signal, DateTimeOffset submittedAt, int index)
    {
        /// <summary>The order's position among the run's orders (its slot in <see cref="_orders"/>).</summary>
        public int Index { get; } = index;

        public Order Order { get; } = order;

        public Guid SignalId { get; } = signalId;

        public Signal Signal { get; } = signal;

        public DateTimeOffset SubmittedAt { get; } = submittedAt;

        public decimal Fees { get; set; }

        public BacktestOrder ToResult() => new(
            Order.OrderId, SignalId, Order.Symbol, Order.Side, Order.Type, Order.Quantity, SubmittedAt, Order.Status,
            Order.FilledQuantity, Order.AverageFillPrice, Fees, Order.RejectionReason);
    }
}
