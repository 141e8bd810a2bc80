using System.Collections.Concurrent;

namespace Orchestrator.Server.RateLimiting;

/// <summary>In-process counters: correct for one server process.</summary>
public sealed class MemoryCounterStore : ICounterStore
{
    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);
    private long _lastSweepTicks;

    public Task<long> IncrementAsync(string key, FixedWindow window, DateTimeOffset now)
    {
        Sweep(now);
        var counter = _counters.GetOrAdd(window.Bucket(key, now), _ => new Counter(window.End(now)));
        return Task.FromResult(Interlocked.Increment(ref counter.Value));
    }

    public Task<long> ReadAsync(string key, FixedWindow window, DateTimeOffset now) =>
        Task.FromResult(_counters.TryGetValue(window.Bucket(key, now), out var counter) ? Interlocked.Read(ref counter.Value) : 0);

    public Task ResetAsync(string key, FixedWindow window, DateTimeOffset now)
    {
        _counters.TryRemove(window.Bucket(key, now), out _);
        return Task.CompletedTask;
    }

    /// <summary>Drops counters of finished windows, at most once a minute, so memory stays bounded.</summary>
    private void Sweep(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _lastSweepTicks);
        if (now.UtcTicks - last < TimeSpan.TicksPerMinute || Interlocked.CompareExchange(ref _lastSweepTicks, now.UtcTicks, last) != last)
        {
            return;
        }

        foreach (var (bucket, counter) in _counters)
        {
            if (counter.ExpiresAt <= now)
            {
                _counters.TryRemove(bucket, out _);
            }
        }
    }

    private sealed class Counter(DateTimeOffset expiresAt)
    {
        public long Value;

        public DateTimeOffset ExpiresAt { get; } = expiresAt;
    }
}
