using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;

namespace Orchestrator.Server.Live;

/// <summary>The in-process hub: each user's subscribers in a set, each subscriber a bounded channel (slow readers drop the oldest).</summary>
public sealed class MemoryUserEventHub : IUserEventHub
{
    private readonly ConcurrentDictionary<Guid, ImmutableHashSet<Subscription>> _subscribers = new();

    public Task PublishAsync(Guid userId, UserEvent e, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (_subscribers.TryGetValue(userId, out var subscribers))
        {
            foreach (var subscriber in subscribers)
            {
                subscriber.Offer(e);
            }
        }

        return Task.CompletedTask;
    }

    public bool MightListen(Guid userId) => _subscribers.ContainsKey(userId);

    public Task<IUserEventSubscription> SubscribeAsync(Guid userId, CancellationToken ct)
    {
        var subscription = new Subscription(this, userId);
        _subscribers.AddOrUpdate(userId, static (_, s) => [s], static (_, set, s) => set.Add(s), subscription);
        return Task.FromResult<IUserEventSubscription>(subscription);
    }

    private void Remove(Subscription subscription)
    {
        // Compare-and-swap on the user's set; the user's entry goes when its last subscriber does.
        while (_subscribers.TryGetValue(subscription.UserId, out var set))
        {
            var rest = set.Remove(subscription);
            var swapped = rest.IsEmpty
                ? _subscribers.TryRemove(new KeyValuePair<Guid, ImmutableHashSet<Subscription>>(subscription.UserId, set))
                : _subscribers.TryUpdate(subscription.UserId, rest, set);
            if (swapped)
            {
                return;
            }
        }
    }

    private sealed class Subscription(MemoryUserEventHub hub, Guid userId) : IUserEventSubscription
    {
        private readonly Channel<UserEvent> _events = UserEventBuffer.Create();

        public Guid UserId => userId;

        public void Offer(UserEvent e) => _events.Writer.TryWrite(e);

        public IAsyncEnumerable<UserEvent> Events(CancellationToken ct) => _events.Reader.ReadAllAsync(ct);

        public ValueTask DisposeAsync()
        {
            hub.Remove(this);
            _events.Writer.TryComplete();
            return ValueTask.CompletedTask;
        }
    }
}
