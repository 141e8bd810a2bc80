using System.Collections.Concurrent;
using System.Threading.Channels;
using StackExchange.Redis;

namespace Orchestrator.Server.MarketData.Live;

/// <summary>
/// The Redis hub: the latest quote of a symbol under <c>orchestrator:quote:&lt;SYMBOL&gt;</c>, events published on
/// the channel <c>orchestrator:market:&lt;SYMBOL&gt;</c>, so every server's subscribers see every publication.
/// </summary>
public sealed class RedisQuoteHub(IConnectionMultiplexer redis) : IQuoteHub
{
    private const string QuotePrefix = "orchestrator:quote:";
    private const string ChannelPrefix = "orchestrator:market:";

    public async Task PublishAsync(LiveEvent e, CancellationToken ct)
    {
        var json = e.Serialize();
        if (e.Type == "quote")
        {
            await redis.GetDatabase().StringSetAsync(QuotePrefix + e.Symbol, json);
        }

        await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(ChannelPrefix + e.Symbol), json);
    }

    public async Task<LiveEvent?> LatestQuoteAsync(string symbol, CancellationToken ct)
    {
        var value = await redis.GetDatabase().StringGetAsync(QuotePrefix + symbol);
        return value.HasValue ? LiveEvent.Deserialize(value.ToString()) : null;
    }

    public Task<IQuoteSubscription> SubscribeAsync(CancellationToken ct) => Task.FromResult<IQuoteSubscription>(new Subscription(redis.GetSubscriber()));

    private sealed class Subscription(ISubscriber subscriber) : IQuoteSubscription
    {
        private readonly Channel<LiveEvent> _events = Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });
        private readonly ConcurrentDictionary<string, ChannelMessageQueue> _queues = new(StringComparer.Ordinal);

        public IReadOnlyCollection<string> Symbols => _queues.Keys.ToList();

        public IAsyncEnumerable<LiveEvent> Events(CancellationToken ct) => _events.Reader.ReadAllAsync(ct);

        public async Task AddAsync(IEnumerable<string> symbols)
        {
            foreach (var symbol in symbols.Where(s => !_queues.ContainsKey(s)))
            {
                var queue = await subscriber.SubscribeAsync(RedisChannel.Literal(ChannelPrefix + symbol));
                _queues[symbol] = queue;
                queue.OnMessage(message =>
                {
                    if (LiveEvent.Deserialize(message.Message.ToString()) is { } e)
                    {
                        _events.Writer.TryWrite(e);
                    }
                });
            }
        }

        public async Task RemoveAsync(IEnumerable<string> symbols)
        {
            foreach (var symbol in symbols)
            {
                if (_queues.TryRemove(symbol, out var queue))
                {
                    await queue.UnsubscribeAsync();
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await RemoveAsync(_queues.Keys.ToList());
            _events.Writer.TryComplete();
        }
    }
}
