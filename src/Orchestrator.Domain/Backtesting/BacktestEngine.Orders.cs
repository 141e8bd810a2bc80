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

            var record = new OrderRecord(order, signalId, signal, bar.End);
            _orders.Add(record);
            var price = _exchange.LastPrice(signal.Symbol) ?? signal.Price;
            var commission = _settings.FeeModel.Commission(new Matching.Fees.FeeContext(order.Quantity, price, true));
            var tradingDay = _settings.TradingHoursFor(signal.Symbol).TradingDay(bar.End);
            var check = _account.TryAccept(order, price, tradingDay, commission);
            if (!check.IsAccepted)
            {
                _account.Reject(order, check.Violation!.Message);
                record.Signal = null;
                continue;
            }

            _submitting = record;
            Apply(_exchange.Submit(AccountId, order, bar.End));
            _submitting = null;
            if (order.Status.IsTerminal())
            {
                record.Signal = null;
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
                _account.ApplyCancel(orderId, cancelled.At, cancelled.Reason);
                Release(orderId);
            }
        }
    }

    private void Apply(IReadOnlyList<ExchangeEvent> events)
    {
        foreach (var e in events)
        {
            switch (e.Kind)
            {
                case ExchangeEventKind.Fill:
                    var fill = e.Execution!;
                    var held = _account.Positions.Open(fill.Symbol);
                    var (before, average) = held is null ? (0m, 0m) : (held.Quantity, held.AveragePrice);
                    _account.ApplyExecution(fill);
                    _trades.Apply(fill);
                    _totalFees += fill.Commission;
                    _dayNotional += fill.Quantity * fill.Price;
                    var record = _submitting is { } s && s.Order.OrderId == fill.OrderId ? s : _working[fill.OrderId];
                    record.Fees += fill.Commission;
                    _executions.Add(SignalExecution.Of(record.SignalId, record.Signal!, fill, before, average));
                    if (record.Order.Status.IsTerminal())
                    {
                        _working.Remove(fill.OrderId);
                        record.Signal = null;
                    }

                    break;
                case ExchangeEventKind.Cancelled:
                    _account.ApplyCancel(e.OrderId, e.At, e.Reason);
                    Release(e.OrderId);
                    break;
                case ExchangeEventKind.Expired:
                    _account.ApplyExpire(e.OrderId, e.At);
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
            record.Signal = null;
        }
    }

    /// <summary>An order of the run, with the signal it came from and the commission its fills have cost.</summary>
    private sealed class OrderRecord(Order order, Guid signalId, Signal signal, DateTimeOffset submittedAt)
    {
        public Order Order { get; } = order;

        public Guid SignalId { get; } = signalId;

        /// <summary>The signal, while the order can still fill (then released: a run keeps no signal it no longer needs).</summary>
        public Signal? Signal { get; set; } = signal;

        public DateTimeOffset SubmittedAt { get; } = submittedAt;

        public decimal Fees { get; set; }
    }
}
