namespace Orchestrator.Server.RateLimiting;

/// <summary>
/// Fixed-window counters shared by everything that limits a rate (API quotas, login throttling). Redis when
/// <c>Redis:Configuration</c> is set, so several server processes count together; in process otherwise.
/// </summary>
public interface ICounterStore
{
    /// <summary>Adds one to the counter of <paramref name="key"/> in the window containing <paramref name="now"/>
    /// and returns the new count.</summary>
    Task<long> IncrementAsync(string key, FixedWindow window, DateTimeOffset now);

    /// <summary>The counter's value in the current window, without changing it.</summary>
    Task<long> ReadAsync(string key, FixedWindow window, DateTimeOffset now);

    Task ResetAsync(string key, FixedWindow window, DateTimeOffset now);
}

/// <summary>Windows of <see cref="Length"/> aligned to the Unix epoch (an hourly window starts on the hour).</summary>
public readonly record struct FixedWindow(TimeSpan Length)
{
    public static FixedWindow Hour { get; } = new(TimeSpan.FromHours(1));

    public DateTimeOffset Start(DateTimeOffset now) =>
        DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds() / (long)Length.TotalMilliseconds * (long)Length.TotalMilliseconds);

    public DateTimeOffset End(DateTimeOffset now) => Start(now) + Length;

    /// <summary>The storage key of <paramref name="key"/>'s counter in the window containing <paramref name="now"/>.</summary>
    public string Bucket(string key, DateTimeOffset now) => $"{key}:{Start(now).ToUnixTimeSeconds()}";
}
