using System.Net;
using System.Security.Cryptography;
using System.Text;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Storage.Configuration;
using StackExchange.Redis;

namespace Orchestrator.Integration.Tests.Auth;

/// <summary>With Redis configured, quotas and sessions are shared by every server process.</summary>
public sealed class RedisSharedStateTests
{
    [Fact]
    public async Task Two_servers_sharing_one_redis_together_allow_exactly_the_limit()
    {
        var redis = TestEnvironment.Require(TestEnvironment.RedisVariable, "Redis");
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var first = await ApiServer.StartAsync(db, ownsDatabase: false, $"--Redis:Configuration={redis}");
        await using var second = await ApiServer.StartAsync(db, ownsDatabase: false, $"--Redis:Configuration={redis}");
        var user = await first.RegisterAndLoginAsync("shared@example.com");
        var (_, key) = await first.CreateKeyAsync(user, new { name = "bot", rateLimitPerHour = 10 });
        using var a = first.Client(apiKey: key);
        using var b = second.Client(apiKey: key);

        // 16 requests alternating between the servers: each server alone would allow 10 (20 in all) if it
        // counted in process; together they allow exactly 10.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 16; i++)
        {
            var response = await (i % 2 == 0 ? a : b).GetAsync("/api/v1/me", TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 10).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 6)), statuses);
    }

    [Fact]
    public async Task A_session_is_cached_in_redis_and_gone_from_it_at_logout()
    {
        var redis = TestEnvironment.Require(TestEnvironment.RedisVariable, "Redis");
        await using var server = await ApiServer.StartAsync(DatabaseProvider.Sqlite, $"--Redis:Configuration={redis}");
        var user = await server.RegisterAndLoginAsync("cached@example.com");
        using var client = server.Client(bearer: user.AccessToken);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis);
        var cacheKey = "orchestrator:session:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(user.AccessToken)));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me", TestContext.Current.CancellationToken)).StatusCode);
        var cached = await connection.GetDatabase().StringGetAsync(cacheKey);
        Assert.StartsWith(await server.Db.ScalarAsync<string>($"SELECT session_id FROM user_sessions WHERE user_id = '{user.UserId}'") + "|" + user.UserId, cached.ToString(), StringComparison.Ordinal);
        var ttl = await connection.GetDatabase().KeyTimeToLiveAsync(cacheKey);
        // The cache entry lives as long as the access token: at most 15 minutes.
        Assert.InRange(ttl!.Value, TimeSpan.FromMinutes(13), TimeSpan.FromMinutes(15));

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/auth/logout", null, TestContext.Current.CancellationToken)).StatusCode);

        Assert.False(await connection.GetDatabase().KeyExistsAsync(cacheKey));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me", TestContext.Current.CancellationToken)).StatusCode);
    }
}
