namespace Orchestrator.Domain.Backtesting.Trades
{
    public sealed class TradeBuilder
    {
        public IReadOnlyList<BacktestTrade> ClosedTrades { get; } = [];

        public void Apply(Matching.Execution fill) => _ = fill;
    }
}

namespace Orchestrator.Domain.Backtesting
{
    internal static class BacktestStatistics
    {
        public static IReadOnlyList<NamedStatistic> Compute(BacktestRecord record) => [];
    }
}
