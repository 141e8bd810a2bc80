namespace Orchestrator.Domain.Backtesting;

/// <summary>What the engine keeps per symbol: the last close (positions are marked from it when valued).</summary>
public sealed partial class BacktestEngine
{
    /// <summary>
    /// Marks every open position at its symbol's last close. Positions are valued only when something reads
    /// their value (a signal being sized or checked, a day's close), not on every bar: that keeps the hot path
    /// free of position lookups.
    /// </summary>
    private void MarkPositions()
    {
        foreach (var position in _account.Positions.OpenPositions)
        {
            if (_symbols.TryGetValue(position.Symbol, out var symbol))
            {
                position.Mark(symbol.LastClose, symbol.LastEnd);
            }
        }
    }

    private SymbolState SymbolFor(string name)
    {
        if (!_symbols.TryGetValue(name, out var symbol))
        {
            symbol = new SymbolState(_strategySymbols.Contains(name), name == _settings.BenchmarkSymbol);
            _symbols.Add(name, symbol);
        }

        _recentSymbols.Add(name, symbol);
        return symbol;
    }

    /// <summary>What the engine keeps per symbol between bars.</summary>
    private sealed class SymbolState(bool isTraded, bool isBenchmark)
    {
        public bool IsTraded { get; } = isTraded;

        public bool IsBenchmark { get; } = isBenchmark;

        public decimal LastClose { get; set; }

        public DateTimeOffset LastEnd { get; set; }
    }
}
