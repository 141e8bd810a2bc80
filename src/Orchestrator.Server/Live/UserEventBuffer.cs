using System.Threading.Channels;

namespace Orchestrator.Server.Live;

/// <summary>
/// The buffer both hubs give each subscription: bounded, dropping the oldest event when full, so publishing is a
/// non-blocking write whatever the socket's pace (the quote hubs' policy, with a smaller bound: user events are few).
/// </summary>
public static class UserEventBuffer
{
    public const int Capacity = 1_000;

    public static Channel<UserEvent> Create() =>
        Channel.CreateBounded<UserEvent>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
}
