using Orchestrator.Domain.Risk.Metrics.Numerics;

namespace Orchestrator.Domain.Risk.Metrics;

/// <summary>
/// One portfolio risk calculation: the snapshot's exposures, concentrations, liquidity and turnover, and, from the
/// price history, VaR and expected shortfall (historical, parametric, Monte Carlo; 95 % and 99 %; 1 and 5 days),
/// beta and correlation risk. Each figure comes from its own class; this one only validates, orders and composes.
/// </summary>
public static class RiskCalculator
{
    private static readonly decimal[] Levels = [0.95m, 0.99m];

    /// <summary>
    /// Calculates the report. Positions with quantity 0 are ignored; a symbol held twice is an
    /// <see cref="ArgumentException"/>. When the history cannot support the history-based figures (a held symbol
    /// without closes, fewer than <see cref="HistoricalVar.MinimumDays"/> daily returns on the aligned calendar), they
    /// are null and <see cref="RiskReport.History"/> says why; the rest is still reported.
    /// </summary>
    public static RiskReport Calculate(
        PortfolioSnapshot portfolio, PriceHistory history, RiskMetricsSettings? settings = null, TradingActivity? activity = null)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(history);
        settings ??= RiskMetricsSettings.Default;
        settings.Validate();

        // Symbol order fixes the Cholesky factor's order and so the simulated paths: sort, so a seed's figures do
        // not depend on the order the positions were listed in.
        var positions = portfolio.Positions
            .Where(p => p.Quantity != 0m)
            .OrderBy(p => p.Symbol, StringComparer.Ordinal)
            .ToArray();
        for (var i = 1; i < positions.Length; i++)
        {
            if (positions[i].Symbol == positions[i - 1].Symbol)
            {
                throw new ArgumentException($"{positions[i].Symbol} is listed twice; one position per symbol.", nameof(portfolio));
            }
        }

        var exposures = Exposures.Of(positions);
        var report = new RiskReport
        {
            PortfolioValue = portfolio.PortfolioValue,
            CashBalance = portfolio.Cash,
            InvestedAmount = exposures.Net,
            PortfolioVar1d = null,
            PortfolioVar5d = null,
            ExpectedShortfall = null,
            PortfolioBeta = null,
            SectorConcentrations = Concentrations.BySector(positions),
            SymbolConcentrations = Concentrations.BySymbol(positions),
            CorrelationRisk = null,
            LongExposure = exposures.Long,
            ShortExposure = exposures.Short,
            NetExposure = exposures.Net,
            IlliquidPositions = Liquidity.IlliquidPositions(positions, settings.LiquidationParticipation, settings.IlliquidAfterDays),
            PortfolioTurnover = Turnover.Of(activity),
            At95 = null,
            At99 = null,
            History = new HistoryCoverage(0, null, null, null),
        };

        AlignedReturns aligned;
        try
        {
            aligned = AlignedReturns.Align(history, [.. positions.Select(p => p.Symbol)]);
        }
        catch (InsufficientHistoryException e)
        {
            return report with { History = new HistoryCoverage(0, null, null, e.Message) };
        }
        if (aligned.Days < HistoricalVar.MinimumDays)
        {
            var (first, last) = aligned.Dates.Count > 0 ? (aligned.Dates[0], aligned.Dates[^1]) : ((DateOnly?)null, (DateOnly?)null);
            return report with
            {
                History = new HistoryCoverage(aligned.Days, first, last, InsufficientHistoryException.TooFewReturns(aligned.Days).Message),
            };
        }
        return WithHistory(report, portfolio.PortfolioValue, positions, aligned, settings);
    }

    private static RiskReport WithHistory(
        RiskReport report, decimal portfolioValue, Holding[] positions, AlignedReturns aligned, RiskMetricsSettings settings)
    {
        // An all-cash book has no return series to sum: its P&L (and return) is 0 on every calendar day.
        double[] Replay(double[] weights) => weights.Length == 0 ? new double[aligned.Days] : PortfolioPnl.Daily(weights, aligned.Returns);

        var values = positions.Select(p => (double)p.Value).ToArray();
        var dailyPnl = Replay(values);
        var simulation = MonteCarloVar.Simulate(
            CovarianceMatrix.FromReturns(aligned.Returns), values, settings.MonteCarloPaths, settings.MonteCarloSeed);
        var tails = Levels.Select(level => TailAt(level, dailyPnl, simulation)).ToArray();
        var headline = tails.Single(t => t.Confidence == settings.HeadlineConfidence);

        double? beta = null;
        if (portfolioValue > 0m)
        {
            var weights = positions.Select(p => (double)(p.Value / portfolioValue)).ToArray();
            beta = Beta.Of(Replay(weights), aligned.BenchmarkReturns);
        }

        return report with
        {
            PortfolioVar1d = headline.HistoricalVar1d,
            PortfolioVar5d = headline.HistoricalVar5d,
            ExpectedShortfall = headline.ExpectedShortfall1d,
            PortfolioBeta = beta,
            CorrelationRisk = CorrelationRisk.Of(values, aligned.Returns, settings.CorrelationWindowDays),
            At95 = tails[0],
            At99 = tails[1],
            History = new HistoryCoverage(aligned.Days, aligned.Dates[0], aligned.Dates[^1], null),
        };
    }

    private static TailRisk TailAt(decimal level, double[] dailyPnl, MonteCarloVar simulation)
    {
        var var1d = HistoricalVar.OneDay(dailyPnl, level);
        return new TailRisk(
            level,
            Money(var1d),
            Money(HistoricalVar.FiveDay(dailyPnl, level)),
            Money(Math.Sqrt(HistoricalVar.HorizonDays) * var1d),
            Money(ExpectedShortfall.OneDay(dailyPnl, level)),
            Money(ExpectedShortfall.FiveDay(dailyPnl, level)),
            Money(ParametricVar.OneDay(dailyPnl, level)),
            Money(ParametricVar.FiveDay(dailyPnl, level)),
            Money(simulation.ValueAtRisk(level)));
    }

    /// <summary>
    /// A double estimate as money: decimal rounded to 8 places, the scale of the seed's DECIMAL(20,8) columns.
    /// </summary>
    private static decimal Money(double value) => Math.Round((decimal)value, 8);
}
