using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Orchestrator.Server.MarketData.Live;

/// <summary>The in-process hub: latest quotes in a dictionary, each subscriber a bounded channel (slow readers drop the oldest).</summary>
public sealed class MemoryQuoteHub : IQuoteHub
{
    private readonly ConcurrentDictionary<string, LiveEvent> _latest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Subscription, byte> _subscribers = new();

    public Task PublishAsync(LiveEvent e, CancellationToken ct)
    {
        if (e.Type == "quote")
        {
            _latest[e.Symbol] = e;
        }

        foreach (var (subscriber, _) in _subscribers)
        {
            subscriber.Offer(e);
        }

        return Task.CompletedTask;
    }

    public Task<LiveEvent?> LatestQuoteAsync(string symbol, CancellationToken ct) => Task.FromResult(_latest.GetValueOrDefault(symbol));

    public Task<IQuoteSubscription> SubscribeAsync(CancellationToken ct)
    {
        var subscription = new Subscription(this);
        _subscribers[subscription] = 0;
        return Task.FromResult<IQuoteSubscription>(subscription);
    }

    private sealed class Subscription(MemoryQuoteHub hub) : IQuoteSubscription
    {
        private readonly Channel<LiveEvent> _events = Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });
        private readonly ConcurrentDictionary<string, byte> _symbols = new(StringComparer.Ordinal);

        public IReadOnlyCollection<string> Symbols => _symbols.Keys.ToList();

        public void Offer(LiveEvent e)
        {
            if (_symbols.ContainsKey(e.Symbol))
            {
                _events.Writer.TryWrite(e);
            }
        }

        public IAsyncEnumerable<LiveEvent> Events(CancellationToken ct) => _events.Reader.ReadAllAsync(ct);

        public Task AddAsync(IEnumerable<string> symbols)
        {
            foreach (var symbol in symbols)
            {
                _symbols[symbol] = 0;
            }

            return Task.CompletedTask;
        }

        public Task RemoveAsync(IEnumerable<string> symbols)
        {
            foreach (var symbol in symbols)
            {
                _symbols.TryRemove(symbol, out _);
            }

            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            hub._subscribers.TryRemove(this, out _);
            _events.Writer.TryComplete();
            return ValueTask.CompletedTask;
        }
    }
}
