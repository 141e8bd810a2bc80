using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Orchestrator.Server.Live;

/// <summary>
/// The Redis hub: a user's events are published on the channel <c>orchestrator:user:&lt;userId&gt;</c>, so a socket on
/// any server gets the events raised on every server. A publication that fails (Redis unreachable) is logged and
/// dropped: the business change it reports is already committed and must not fail for it.
/// </summary>
public sealed partial class RedisUserEventHub(IConnectionMultiplexer redis, ILogger<RedisUserEventHub> log) : IUserEventHub
{
    private const string ChannelPrefix = "orchestrator:user:";

    public async Task PublishAsync(Guid userId, UserEvent e, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(e);
        try
        {
            await redis.GetSubscriber().PublishAsync(Channel(userId), e.Json);
        }
        catch (Exception error)
        {
            // Whatever went wrong (unreachable, timed out, shutting down), the caller's committed work stands.
            LogPublishFailed(error, e.Type, userId);
        }
    }

    public async Task<IUserEventSubscription> SubscribeAsync(Guid userId, CancellationToken ct)
    {
        var queue = await redis.GetSubscriber().SubscribeAsync(Channel(userId));
        return new Subscription(queue);
    }

    private static RedisChannel Channel(Guid userId) => RedisChannel.Literal(ChannelPrefix + userId.ToString("D"));

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {EventType} event for user {UserId} could not be published to Redis; it is dropped")]
    private partial void LogPublishFailed(Exception exception, string eventType, Guid userId);

    private sealed class Subscription : IUserEventSubscription
    {
        private readonly Channel<UserEvent> _events = UserEventBuffer.Create();
        private readonly ChannelMessageQueue _queue;

        public Subscription(ChannelMessageQueue queue)
        {
            _queue = queue;
            queue.OnMessage(message =>
            {
                if (UserEvent.Parse(message.Message.ToString()) is { } e)
                {
                    _events.Writer.TryWrite(e);
                }
            });
        }

        public IAsyncEnumerable<UserEvent> Events(CancellationToken ct) => _events.Reader.ReadAllAsync(ct);

        public async ValueTask DisposeAsync()
        {
            _events.Writer.TryComplete();
            try
            {
                await _queue.UnsubscribeAsync();
            }
            catch (RedisException)
            {
                // Redis is gone: so is the subscription.
            }
        }
    }
}
