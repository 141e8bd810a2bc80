using StackExchange.Redis;

namespace Orchestrator.Server.Auth;

/// <summary>A live session as the authenticator needs it.</summary>
public sealed record CachedSession(Guid SessionId, Guid UserId, DateTimeOffset ExpiresAt);

/// <summary>
/// Sessions looked up by the hash of their access token. With Redis configured the lookup is served from
/// Redis and the database row stays the record; without Redis every lookup reads the database.
/// </summary>
public interface ISessionCache
{
    Task<CachedSession?> GetAsync(string tokenHash);

    Task SetAsync(string tokenHash, CachedSession session);

    Task RemoveAsync(IEnumerable<string> tokenHashes);
}

/// <summary>No cache: the database is read on every request.</summary>
public sealed class NoSessionCache : ISessionCache
{
    public Task<CachedSession?> GetAsync(string tokenHash) => Task.FromResult<CachedSession?>(null);

    public Task SetAsync(string tokenHash, CachedSession session) => Task.CompletedTask;

    public Task RemoveAsync(IEnumerable<string> tokenHashes) => Task.CompletedTask;
}

/// <summary>Sessions in Redis under <c>orchestrator:session:&lt;token hash&gt;</c>, expiring with the session.</summary>
public sealed class RedisSessionCache(IConnectionMultiplexer redis, TimeProvider time) : ISessionCache
{
    private const string Prefix = "orchestrator:session:";

    public async Task<CachedSession?> GetAsync(string tokenHash)
    {
        var value = await redis.GetDatabase().StringGetAsync(Prefix + tokenHash);
        if (!value.HasValue)
        {
            return null;
        }

        var parts = value.ToString().Split('|');
        return new CachedSession(Guid.Parse(parts[0]), Guid.Parse(parts[1]), DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture)));
    }

    public async Task SetAsync(string tokenHash, CachedSession session)
    {
        var ttl = session.ExpiresAt - time.GetUtcNow();
        if (ttl > TimeSpan.Zero)
        {
            await redis.GetDatabase().StringSetAsync(Prefix + tokenHash, $"{session.SessionId}|{session.UserId}|{session.ExpiresAt.ToUnixTimeMilliseconds()}", ttl);
        }
    }

    public async Task RemoveAsync(IEnumerable<string> tokenHashes)
    {
        var keys = tokenHashes.Select(h => (RedisKey)(Prefix + h)).ToArray();
        if (keys.Length > 0)
        {
            await redis.GetDatabase().KeyDeleteAsync(keys);
        }
    }
}
