namespace Orchestrator.Server.MarketData.Live;

/// <summary>
/// The latest quote per symbol and a channel per symbol for quotes and bars. With Redis configured both live in
/// Redis (every server process sees every publication); otherwise in this process. One interface, two twins.
/// </summary>
public interface IQuoteHub
{
    Task PublishAsync(LiveEvent e, CancellationToken ct);

    /// <summary>The last quote published for the symbol, or null.</summary>
    Task<LiveEvent?> LatestQuoteAsync(string symbol, CancellationToken ct);

    /// <summary>A subscription: events of the symbols it follows, until disposed.</summary>
    Task<IQuoteSubscription> SubscribeAsync(CancellationToken ct);
}

/// <summary>One subscriber's feed; symbols can be added and removed while it runs.</summary>
public interface IQuoteSubscription : IAsyncDisposable
{
    IAsyncEnumerable<LiveEvent> Events(CancellationToken ct);

    Task AddAsync(IEnumerable<string> symbols);

    Task RemoveAsync(IEnumerable<string> symbols);

    IReadOnlyCollection<string> Symbols { get; }
}
