using Orchestrator.Domain.Matching;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Backtesting.Trades;

/// <summary>
/// Turns fills, in time order, into closed round trips the way Lean's trade builder does with
/// <c>FillGroupingMethod.FillToFill</c> and <c>FillMatchingMethod.FIFO</c> (Lean, <c>Common/Statistics/TradeBuilder.cs</c>),
/// and keeps Lean's transaction record beside them for the portfolio statistics.
/// </summary>
/// <remarks>
/// Per symbol, a fill that opens or adds to a position becomes an open lot; a fill that reduces it is matched against
/// the open lots first in, first out, giving one <see cref="BacktestTrade"/> per (lot, closing fill) pair with the
/// matched quantity; a fill that goes through zero closes everything and opens the rest the other way.
/// <see cref="BacktestTrade.ProfitLoss"/> is gross: (exit − entry) × quantity for a long, (entry − exit) × quantity
/// for a short. Two choices differ from Lean on purpose:
/// <list type="bullet">
/// <item>Fees are prorated: a trade carries entry commission × matched ÷ entry quantity plus exit commission ×
/// matched ÷ exit quantity. Lean puts a lot's whole entry fee on the first trade that closes part of it, the exit fee
/// on the first trade the closing fill makes, and none on a lot opened by a fill that went through zero.</item>
/// <item>Profit is exact; Lean rounds each trade's profit to cents.</item>
/// </list>
/// Lean charges an order's fee to its first fill only; here each <see cref="Execution"/> carries its own commission,
/// which the fee models already charge that way.
/// </remarks>
public sealed class TradeBuilder
{
    private readonly Dictionary<string, FifoLots> _lots = new(StringComparer.Ordinal);
    private readonly AverageCostLedger _ledger = new();
    private readonly List<BacktestTrade> _closedTrades = [];
    private DateTimeOffset? _lastFillTime;

    /// <summary>Closed round trips, in the order they closed.</summary>
    public IReadOnlyList<BacktestTrade> ClosedTrades => _closedTrades;

    /// <summary>
    /// Lean's transaction record: one entry per fill that reduced a position, profit against the average price less
    /// twice that fill's commission (see <see cref="AverageCostLedger"/>). This, not <see cref="ClosedTrades"/>, is the
    /// series Lean's Average Win, Average Loss, Win Rate, Loss Rate, Profit-Loss Ratio and Expectancy are built from.
    /// </summary>
    public IReadOnlyList<TransactionRecord> TransactionRecords => _ledger.Records;

    /// <summary>Applies one fill. Fills must come in time order.</summary>
    /// <exception cref="ArgumentException">The quantity is not positive, or the fill is older than the last one.</exception>
    public void Apply(Execution fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        if (fill.Quantity <= 0)
        {
            throw new ArgumentException($"Fill quantity must be positive, was {fill.Quantity}.", nameof(fill));
        }
        if (fill.ExchangeTime < _lastFillTime)
        {
            throw new ArgumentException($"Fills must come in time order: {fill.ExchangeTime:O} is before {_lastFillTime:O}.", nameof(fill));
        }
        _lastFillTime = fill.ExchangeTime;

        var buy = fill.Side == OrderSide.Buy;
        _ledger.Apply(fill.Symbol, buy ? fill.Quantity : -fill.Quantity, fill.Price, fill.Commission, fill.ExchangeTime);

        if (!_lots.TryGetValue(fill.Symbol, out var lots))
        {
            lots = new FifoLots();
            _lots.Add(fill.Symbol, lots);
        }
        lots.Apply(fill.Symbol, buy ? TradeDirection.Long : TradeDirection.Short, fill.Quantity, fill.Price,
            fill.Commission, fill.ExchangeTime, _closedTrades);
    }
}
