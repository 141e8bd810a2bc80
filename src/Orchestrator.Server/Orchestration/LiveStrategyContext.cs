using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Matching.Fees;
using Orchestrator.Domain.Strategies;
using Orchestrator.Domain.Strategies.Pipeline;
using Orchestrator.Server.Trading;

namespace Orchestrator.Server.Orchestration;

/// <summary>
/// What a live strategy sees, the same surface as a backtest's (<see cref="IStrategyContext"/>): its account's cash
/// and positions from the writer's last published <see cref="AccountView"/>, each of its own symbols marked at the
/// last close the strategy itself received (as the backtester marks them), any other position at its stored mark.
/// Signals are kept for the unit to route once the strategy returns.
/// </summary>
internal sealed class LiveStrategyContext(IReadOnlyList<string> symbols, Func<AccountView?> view, SymbolDirectory directory, IFeeModel fees) : IStrategyContext
{
    private readonly Dictionary<string, decimal> _lastClose = new(StringComparer.Ordinal);
    private readonly Func<decimal, decimal, decimal> _commission = (shares, price) => fees.Commission(new FeeContext(shares, price, true));

    public List<Signal> Pending { get; } = [];

    public IReadOnlyList<string> Symbols { get; } = symbols;

    public DateTimeOffset Time { get; set; }

    public decimal Cash => view()?.Cash ?? 0m;

    public decimal Equity
    {
        get
        {
            if (view() is not { } current)
            {
                return 0m;
            }

            var equity = current.Cash;
            foreach (var (symbol, position) in current.Positions)
            {
                var mark = _lastClose.TryGetValue(symbol, out var close) ? close : position.Mark ?? position.AveragePrice;
                equity += position.Quantity * mark;
            }

            return equity;
        }
    }

    public void Observe(in Bar bar) => _lastClose[bar.Symbol] = bar.Close;

    public decimal PositionOf(string symbol) => view()?.QuantityOf(symbol) ?? 0m;

    public TradingHours HoursOf(string symbol) => directory.HoursOf(symbol);

    public decimal SharesFor(decimal fractionOfEquity, decimal price) => SignalOrders.SharesFor(Equity * fractionOfEquity, price, _commission);

    public void Emit(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        Pending.Add(signal);
    }
}
