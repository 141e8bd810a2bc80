namespace Orchestrator.Server.Live;

/// <summary>
/// A channel per user for that user's live events, which the stream (<c>/api/v1/stream</c>) delivers to every socket
/// the user has open. With Redis configured the channel is Redis pub/sub (an event published by any server reaches
/// the user's sockets on every server); otherwise it is in this process. One interface, two twins, as
/// <see cref="MarketData.Live.IQuoteHub"/>.
/// </summary>
public interface IUserEventHub
{
    /// <summary>
    /// Sends <paramref name="e"/> to the user's current subscribers. It never throws: the event describes something
    /// already done (committed), so a failed publication (Redis down) is logged and dropped, and the caller goes on.
    /// Events published one after another for a user arrive in that order.
    /// </summary>
    Task PublishAsync(Guid userId, UserEvent e, CancellationToken ct);

    /// <summary>
    /// Whether an event for the user may reach anyone: false only when the hub knows nobody listens (in process, no
    /// socket of the user's open), so a busy publisher can skip building events no one would read.
    /// </summary>
    bool MightListen(Guid userId) => true;

    /// <summary>The user's events from the moment this returns, until the subscription is disposed.</summary>
    Task<IUserEventSubscription> SubscribeAsync(Guid userId, CancellationToken ct);
}

/// <summary>
/// One subscriber's feed of one user's events: a bounded buffer that drops the oldest when its reader falls behind,
/// so a slow socket never holds up a publisher.
/// </summary>
public interface IUserEventSubscription : IAsyncDisposable
{
    IAsyncEnumerable<UserEvent> Events(CancellationToken ct);
}
