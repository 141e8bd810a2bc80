using System.Net;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Storage.Configuration;

namespace Orchestrator.Integration.Tests.Auth;

/// <summary>One api_usage row per API request, written off the request path, none lost on a clean shutdown.</summary>
public sealed class ApiUsageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_request_leaves_one_row_and_a_clean_shutdown_loses_none(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await using var dbLifetime = db;
        var server = await ApiServer.StartAsync(db, ownsDatabase: false);
        TestUser user;
        string key;
        try
        {
            user = await server.RegisterAndLoginAsync("usage@example.com");
            (_, key) = await server.CreateKeyAsync(user, new { name = "bot", rateLimitPerHour = 50 });
            using var client = server.Client(apiKey: key);
            for (var i = 0; i < 120; i++)
            {
                await client.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);
            }
        }
        finally
        {
            // Stop at once: most rows are still queued, and must be written before the process would exit.
            await server.DisposeAsync();
        }

        // register, login, create key, then 120 key requests (50 served, 70 refused with 429).
        Assert.Equal(123L, await db.ScalarAsync<long>("SELECT COUNT(*) FROM api_usage"));
        Assert.Equal(50L, await db.ScalarAsync<long>("SELECT COUNT(*) FROM api_usage WHERE endpoint = '/api/v1/me' AND status_code = 200"));
        Assert.Equal(70L, await db.ScalarAsync<long>("SELECT COUNT(*) FROM api_usage WHERE endpoint = '/api/v1/me' AND status_code = 429"));
        Assert.Equal(120L, await db.ScalarAsync<long>($"SELECT COUNT(*) FROM api_usage WHERE user_id = '{user.UserId}' AND api_key_id IS NOT NULL AND http_method = 'GET'"));
        // The 50th served request used the last of the quota; every refused one saw 0 remaining.
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT MIN(rate_limit_remaining) FROM api_usage WHERE status_code = 200 AND endpoint = '/api/v1/me'"));
        Assert.Equal(49L, await db.ScalarAsync<long>("SELECT MAX(rate_limit_remaining) FROM api_usage WHERE status_code = 200 AND endpoint = '/api/v1/me'"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT COUNT(*) FROM api_usage WHERE endpoint = '/api/v1/me' AND (rate_limit_reset IS NULL OR ip_address IS NULL OR response_size_bytes <= 0 OR response_time_ms IS NULL)"));
    }

    [Fact]
    public async Task Anonymous_and_refused_requests_are_recorded_without_a_user()
    {
        await using var server = await ApiServer.StartAsync();
        using var client = server.Client();
        var response = await client.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await server.App.StopAsync(TestContext.Current.CancellationToken);

        var rows = await server.Db.QueryAsync("SELECT endpoint, http_method, status_code, user_id IS NULL FROM api_usage", r => (r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetBoolean(3)));
        Assert.Equal([("/api/v1/me", "GET", 401, true)], rows);
    }
}
