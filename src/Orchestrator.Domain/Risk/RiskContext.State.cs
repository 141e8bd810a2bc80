namespace Orchestrator.Domain.Risk;

/// <summary>
/// The running totals behind <see cref="RiskContext"/>, and their <see cref="double"/> copies for the checklist's
/// screen (<see cref="RiskScreen"/>). The decimals are the truth; each double is converted from its decimal
/// whenever that changes (never accumulated on its own), so it is always within a rounding of the exact figure.
/// </summary>
public sealed partial class RiskContext
{
    /// <summary>Per symbol: held or with working orders, or the neighbour of a held symbol in the correlation matrix.</summary>
    private readonly Dictionary<string, SymbolState> _symbols = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SectorTotal> _sectorTotals = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, string> _sectors;
    private decimal _netValue;

    internal ScreenLimits Limits { get; }

    internal double CashD { get; private set; }

    internal double EquityD { get; private set; }

    internal double GrossD { get; private set; }

    internal double StopRiskD { get; private set; }

    /// <summary>The day's loss has hit the limit (exact: computed in decimal whenever equity or the session-open equity changes).</summary>
    internal bool DailyLossHit { get; private set; }

    /// <summary>Replaces what the context knows of one symbol (a fill, a mark, an order placed or ended); zero quantity and nothing working forgets it.</summary>
    public void Update(RiskPosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentException.ThrowIfNullOrWhiteSpace(position.Symbol);
        if (position.Quantity != 0m && position.Mark <= 0m)
        {
            throw new ArgumentException($"The mark of {position.Symbol} must be positive, not {position.Mark}.", nameof(position));
        }

        if (position.PendingBuy < 0m || position.PendingSell < 0m)
        {
            throw new ArgumentException($"The working quantities of {position.Symbol} must not be negative.", nameof(position));
        }

        var state = _symbols.GetValueOrDefault(position.Symbol);
        if (state?.Position is not null)
        {
            Contribute(state, -1);
        }

        if (position.Quantity == 0m && position.PendingBuy == 0m && position.PendingSell == 0m)
        {
            if (state is not null)
            {
                state.Clear();
                Forget(state);
            }
        }
        else
        {
            state ??= StateOf(position.Symbol);
            state.Set(position, RiskToStop(position.Quantity, position.Mark, position.StopPrice));
            Contribute(state, 1);
        }

        RefreshTotals();
    }

    internal SymbolState? Find(string symbol) => _symbols.GetValueOrDefault(symbol);

    /// <summary>A sector's running total; null until a symbol of it is held.</summary>
    internal SectorTotal? SectorTotalNamed(string sector) => _sectorTotals.GetValueOrDefault(sector);

    private SymbolState StateOf(string symbol)
    {
        if (!_symbols.TryGetValue(symbol, out var state))
        {
            SectorTotal? total = null;
            if (_sectors.TryGetValue(symbol, out var sector) && !_sectorTotals.TryGetValue(sector, out total))
            {
                _sectorTotals[sector] = total = new SectorTotal(sector);
            }

            _symbols[symbol] = state = new SymbolState(symbol, total);
        }

        return state;
    }

    private void Forget(SymbolState state)
    {
        if (state.IsEmpty)
        {
            _symbols.Remove(state.Symbol);
        }
    }

    /// <summary>Adds (+1) or removes (−1) a symbol's position from every total, its sector's and its neighbours' correlated exposure.</summary>
    private void Contribute(SymbolState state, int direction)
    {
        var sign = (decimal)direction;
        var quantity = state.Position!.Quantity;
        var exposure = sign * state.Exposure;
        _netValue += sign * quantity * state.Position.Mark;
        GrossExposure += exposure;
        StopRisk += sign * state.StopRisk;
        LongPositions += quantity > 0m ? direction : 0;
        ShortPositions += quantity < 0m ? direction : 0;
        if (state.Sector is { } sector)
        {
            sector.Exposure += exposure;
            sector.ExposureD = (double)sector.Exposure;
        }

        if (quantity == 0m)
        {
            return;
        }

        // A long in a neighbour moves with this position when d × ρ > threshold, a short when −d × ρ > threshold.
        var held = quantity > 0m ? 1.0 : -1.0;
        foreach (var other in Correlations.CorrelatedWith(state.Symbol))
        {
            var neighbour = StateOf(other.Symbol);
            if (held * other.Rho > Correlations.Threshold)
            {
                neighbour.MovesWithLong += exposure;
                neighbour.CountWithLong += direction;
            }
            else
            {
                neighbour.MovesWithShort += exposure;
                neighbour.CountWithShort += direction;
            }

            neighbour.RefreshCorrelated();
            Forget(neighbour);
        }
    }

    private void RefreshTotals()
    {
        CashD = (double)_cash;
        EquityD = (double)Equity;
        GrossD = (double)GrossExposure;
        StopRiskD = (double)StopRisk;
        DailyLossHit = DailyLoss.IsHit(DailyPnl, DailyLossLimit);
    }

    /// <summary>One symbol's figures, exact and as doubles.</summary>
    internal sealed class SymbolState(string symbol, SectorTotal? sector)
    {
        public string Symbol { get; } = symbol;

        public SectorTotal? Sector { get; } = sector;

        /// <summary>Null when the symbol is here only as a held symbol's correlated neighbour.</summary>
        public RiskPosition? Position { get; private set; }

        /// <summary>|quantity| × mark.</summary>
        public decimal Exposure { get; private set; }

        public decimal StopRisk { get; private set; }

        /// <summary>Σ exposure of the held positions that move with a long in this symbol, and how many.</summary>
        public decimal MovesWithLong { get; set; }

        public int CountWithLong { get; set; }

        /// <summary>Σ exposure of the held positions that move with a short in this symbol, and how many.</summary>
        public decimal MovesWithShort { get; set; }

        public int CountWithShort { get; set; }

        public bool IsEmpty => Position is null && CountWithLong == 0 && CountWithShort == 0;

        public double QuantityD { get; private set; }

        public double MarkD { get; private set; }

        public double PendingBuyD { get; private set; }

        public double PendingSellD { get; private set; }

        /// <summary>NaN without a stop.</summary>
        public double StopD { get; private set; } = double.NaN;

        public double ExposureD { get; private set; }

        public double StopRiskD { get; private set; }

        public double MovesWithLongD { get; private set; }

        public double MovesWithShortD { get; private set; }

        public void Set(RiskPosition position, decimal stopRisk)
        {
            Position = position;
            Exposure = position.Quantity == 0m ? 0m : Math.Abs(position.Quantity) * position.Mark;
            StopRisk = stopRisk;
            QuantityD = (double)position.Quantity;
            MarkD = (double)position.Mark;
            PendingBuyD = (double)position.PendingBuy;
            PendingSellD = (double)position.PendingSell;
            StopD = position.StopPrice is { } stop ? (double)stop : double.NaN;
            ExposureD = (double)Exposure;
            StopRiskD = (double)StopRisk;
        }

        public void Clear()
        {
            Position = null;
            Exposure = 0m;
            StopRisk = 0m;
            QuantityD = MarkD = PendingBuyD = PendingSellD = ExposureD = StopRiskD = 0.0;
            StopD = double.NaN;
        }

        public void RefreshCorrelated()
        {
            MovesWithLongD = (double)MovesWithLong;
            MovesWithShortD = (double)MovesWithShort;
        }
    }

    /// <summary>A sector's running exposure, shared by reference with its symbols' states (no lookup per check).</summary>
    internal sealed class SectorTotal(string name)
    {
        public string Name { get; } = name;

        public decimal Exposure { get; set; }

        public double ExposureD { get; set; }
    }

    /// <summary>The profile's limits as doubles for the screen.</summary>
    internal sealed class ScreenLimits(RiskProfile profile)
    {
        public bool HasPositionSize { get; } = profile.MaxPositionSize is not null;

        public double PositionSize { get; } = (double)(profile.MaxPositionSize ?? 0m);

        public bool HasSectorConcentration { get; } = profile.MaxSectorConcentration is not null;

        public double SectorConcentration { get; } = (double)(profile.MaxSectorConcentration ?? 0m);

        public bool HasCorrelationExposure { get; } = profile.MaxCorrelationExposure is not null;

        public double CorrelationExposure { get; } = (double)(profile.MaxCorrelationExposure ?? 0m);

        public bool HasPortfolioRisk { get; } = profile.MaxPortfolioRisk is not null;

        public double PortfolioRisk { get; } = (double)(profile.MaxPortfolioRisk ?? 0m);

        public bool HasMinCash { get; } = profile.MinCashPercentage is not null;

        public double MinCash { get; } = (double)(profile.MinCashPercentage ?? 0m);

        /// <summary>default_stop_loss_percentage, or 1 (the whole value at risk) without one.</summary>
        public double DefaultStop { get; } = (double)(profile.DefaultStopLossPercentage ?? 1m);

        public int MaxLong { get; } = profile.MaxLongPositions ?? int.MaxValue;

        public int MaxShort { get; } = profile.MaxShortPositions ?? int.MaxValue;
    }
}
