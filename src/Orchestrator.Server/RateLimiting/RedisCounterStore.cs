using StackExchange.Redis;

namespace Orchestrator.Server.RateLimiting;

/// <summary>
/// Counters in Redis: one key per subject and window, incremented atomically by a script that also sets its
/// expiry on first use, so every server process sharing the Redis counts the same requests exactly once.
/// </summary>
public sealed class RedisCounterStore(IConnectionMultiplexer redis) : ICounterStore
{
    private const string KeyPrefix = "orchestrator:counter:";

    private static readonly LuaScript IncrementScript = LuaScript.Prepare(
        "local count = redis.call('INCR', @key) if count == 1 then redis.call('PEXPIREAT', @key, @expiresAt) end return count");

    public async Task<long> IncrementAsync(string key, FixedWindow window, DateTimeOffset now)
    {
        // The key lives one window past its end, so a clock slightly behind another server's still finds it.
        var expiresAt = (window.End(now) + window.Length).ToUnixTimeMilliseconds();
        var result = await redis.GetDatabase().ScriptEvaluateAsync(IncrementScript, new { key = (RedisKey)(KeyPrefix + window.Bucket(key, now)), expiresAt });
        return (long)result;
    }

    public async Task<long> ReadAsync(string key, FixedWindow window, DateTimeOffset now)
    {
        var value = await redis.GetDatabase().StringGetAsync(KeyPrefix + window.Bucket(key, now));
        return value.HasValue ? (long)value : 0;
    }

    public Task ResetAsync(string key, FixedWindow window, DateTimeOffset now) =>
        redis.GetDatabase().KeyDeleteAsync(KeyPrefix + window.Bucket(key, now));
}
