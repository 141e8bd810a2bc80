using System.Threading.Channels;

namespace Orchestrator.Server.Risk.KillSwitch;

/// <summary>An account's writer saw the user's day loss reach the limit: the kill switch should halt the user.</summary>
public sealed record DailyLossBreach(Guid UserId, Guid AccountId, decimal DailyPnl, decimal Limit, DateTimeOffset At);

/// <summary>
/// The queue from the account writers to the <see cref="KillSwitchMonitor"/>: a writer must never wait on the
/// kill switch (halting cancels orders through the writers themselves), so it only posts the breach and goes on.
/// </summary>
public sealed class DailyLossBreaches
{
    private readonly Channel<DailyLossBreach> _queue = Channel.CreateUnbounded<DailyLossBreach>(new UnboundedChannelOptions { SingleReader = true });

    public void Post(DailyLossBreach breach) => _queue.Writer.TryWrite(breach);

    public IAsyncEnumerable<DailyLossBreach> ReadAllAsync(CancellationToken ct) => _queue.Reader.ReadAllAsync(ct);
}
