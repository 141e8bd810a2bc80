using Orchestrator.Domain.MarketData;

namespace Orchestrator.Server.Trading;

/// <summary>
/// Where market data enters trading: each bar or quote first meets the paper exchange's resting orders, then
/// marks the positions of the accounts that hold the symbol. (Importers and live feeds call this.)
/// </summary>
public sealed class MarketFeed(PaperBroker paper, AccountWriters writers)
{
    public void Publish(Bar bar)
    {
        paper.OnBar(bar);
        writers.Mark(bar.Symbol, bar.Close, bar.End);
    }

    public void Publish(Quote quote)
    {
        paper.OnQuote(quote);
        writers.Mark(quote.Symbol, (quote.Bid + quote.Ask) / 2m, quote.Time);
    }
}
