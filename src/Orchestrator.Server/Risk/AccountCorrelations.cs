using Orchestrator.Domain.Portfolio;
using Orchestrator.Domain.Risk;

namespace Orchestrator.Server.Risk;

/// <summary>
/// The correlation matrix one account's writer checks orders with, reused while it still covers what an order
/// needs: the same trading day, and every symbol the account holds plus the order's (working orders do not count
/// toward max_correlation_exposure, so their symbols are not needed). A new symbol re-estimates over the day's
/// symbols so far plus the new ones; the set only grows within a day, so closing a position never costs an
/// estimate. A profile without max_correlation_exposure needs no matrix. Not thread-safe: the writer serializes
/// calls, as for its other state.
/// </summary>
internal sealed class AccountCorrelations
{
    private readonly HashSet<string> _symbols = new(StringComparer.Ordinal);
    private DateOnly _day;
    private CorrelationMatrix? _matrix;

    /// <summary>The matrix for an order in <paramref name="symbol"/>; <see cref="CorrelationMatrix.Empty"/> when there is no limit or no estimate (see <see cref="CorrelationEstimates"/>).</summary>
    public async ValueTask<CorrelationMatrix> ForOrderAsync(
        RiskSettings settings, CorrelationEstimates estimates, TradingAccount account, string symbol, DateTimeOffset now, CancellationToken ct)
    {
        if (settings.Profile.MaxCorrelationExposure is null)
        {
            return CorrelationMatrix.Empty;
        }

        var today = CorrelationEstimates.TradingDayOf(now);
        if (_matrix is not null && _day == today && Covers(account, symbol))
        {
            return _matrix;
        }

        var wanted = _day == today ? new HashSet<string>(_symbols, StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal);
        wanted.Add(symbol);
        foreach (var position in account.Positions.OpenPositions)
        {
            wanted.Add(position.Symbol);
        }

        if (await estimates.TryEstimateAsync(wanted, now, ct) is not { } matrix)
        {
            return CorrelationMatrix.Empty;
        }

        _day = today;
        _symbols.Clear();
        _symbols.UnionWith(wanted);
        _matrix = matrix;
        return matrix;
    }

    private bool Covers(TradingAccount account, string symbol)
    {
        if (!_symbols.Contains(symbol))
        {
            return false;
        }

        foreach (var position in account.Positions.OpenPositions)
        {
            if (!_symbols.Contains(position.Symbol))
            {
                return false;
            }
        }

        return true;
    }
}
