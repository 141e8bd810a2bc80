using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Strategies;
using Orchestrator.Domain.Strategies.Pipeline;

namespace Orchestrator.Domain.Backtesting;

public sealed partial class BacktestEngine
{
    /// <summary>What the strategy sees of the backtest: the simulated account and clock; signals are queued for <see cref="Route"/>.</summary>
    private sealed class StrategyContext(BacktestEngine engine, IReadOnlyList<string> symbols) : IStrategyContext
    {
        /// <summary>The commission estimate, as one delegate for the run (a lambda per call would allocate per signal).</summary>
        private readonly Func<decimal, decimal, decimal> _commission = (shares, price) =>
            engine._settings.FeeModel.Commission(new Matching.Fees.FeeContext(shares, price, true));

        public IReadOnlyList<string> Symbols { get; } = symbols;

        public DateTimeOffset Time { get; set; }

        public decimal Cash => engine._account.Cash;

        public decimal Equity
        {
            get
            {
                engine.MarkPositions();
                return engine._account.PortfolioValue();
            }
        }

        public decimal PositionOf(string symbol) => engine._account.Positions.QuantityOf(symbol);

        public TradingHours HoursOf(string symbol) => engine._settings.TradingHoursFor(symbol);

        public decimal SharesFor(decimal fractionOfEquity, decimal price) =>
            SignalOrders.SharesFor(Equity * fractionOfEquity, price, _commission);

        public void Emit(Signal signal)
        {
            ArgumentNullException.ThrowIfNull(signal);
            engine._pending.Add(signal);
        }
    }
}
