using Orchestrator.Domain.MarketData;
using Orchestrator.Server.MarketData.Live;

namespace Orchestrator.Server.Trading;

/// <summary>
/// Where market data enters trading: each bar or quote first meets the paper exchange's resting orders, then
/// marks the positions of the accounts that hold the symbol, then (a bar) reaches the running strategies, then the
/// live stream (the replay feed and, later, brokers' feeds call this). A strategy's order for the bar therefore
/// meets the exchange with this bar as its last market, as in a backtest.
/// </summary>
public sealed class MarketFeed(PaperBroker paper, AccountWriters writers, IQuoteHub hub, IEnumerable<Orchestration.IBarConsumer> consumers)
{
    private readonly Orchestration.IBarConsumer[] _consumers = [.. consumers];

    /// <summary>A bar: the paper exchange first (fills happen on it), then marks, then the live stream's subscribers.</summary>
    public Task PublishAsync(Bar bar, CancellationToken ct) => PublishAsync(bar, replayed: false, ct);

    /// <summary>
    /// A bar, <paramref name="replayed"/> when it comes from stored history (the replay feed): then its time is its
    /// symbol's clock in the paper exchange (<see cref="PaperBroker"/>).
    /// </summary>
    public async Task PublishAsync(Bar bar, bool replayed, CancellationToken ct)
    {
        paper.OnBar(bar, replayed);
        writers.Mark(bar);
        foreach (var consumer in _consumers)
        {
            consumer.OnBar(bar);
        }
        await hub.PublishAsync(LiveEvent.From(bar), ct);
    }

    /// <summary>A quote: the paper exchange, the marks at the mid, the latest quote and its channel.</summary>
    public async Task PublishAsync(Quote quote, CancellationToken ct)
    {
        paper.OnQuote(quote);
        var mid = (quote.Bid + quote.Ask) / 2m;
        writers.Mark(new Bar(quote.Symbol, quote.Time, TimeSpan.Zero, mid, mid, mid, mid, 0m));
        await hub.PublishAsync(LiveEvent.From(quote), ct);
    }
}
