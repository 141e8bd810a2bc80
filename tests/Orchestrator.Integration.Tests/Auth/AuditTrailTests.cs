using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Storage.Configuration;

namespace Orchestrator.Integration.Tests.Auth;

/// <summary>Every state change leaves exactly one audit row, in the same transaction, with secrets redacted.</summary>
public sealed class AuditTrailTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_profile_change_writes_one_audit_row_with_old_and_new_values_and_no_password_hash(DatabaseProvider provider)
    {
        await using var server = await ApiServer.StartAsync(provider);
        var user = await server.RegisterAndLoginAsync("audit@example.com");
        using var client = server.Client(bearer: user.AccessToken);
        var before = await CountAsync(server, user.UserId);

        var response = await client.PatchAsJsonAsync("/api/v1/me", new { firstName = "Grace", timezone = "America/New_York", lastName = "User" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, await CountAsync(server, user.UserId));
        var rows = await server.Db.QueryAsync(
            $"SELECT action, resource_type, resource_id, CAST(old_values AS TEXT), CAST(new_values AS TEXT), CAST(session_id AS TEXT), endpoint FROM audit_log WHERE user_id = '{user.UserId}' AND action = 'PROFILE_UPDATED'",
            r => (Action: r.GetString(0), Type: r.GetString(1), Id: r.GetString(2), Old: r.GetString(3), New: r.GetString(4), Session: r.GetString(5), Endpoint: r.GetString(6)));
        var row = Assert.Single(rows);
        Assert.Equal("USER", row.Type);
        Assert.Equal(user.UserId.ToString(), row.Id);
        Assert.Equal("PATCH /api/v1/me", row.Endpoint);
        // lastName was sent unchanged ("User"), so only the two changed columns are recorded.
        Assert.Equal("""{"first_name":"Test","timezone":"UTC"}""", Normalize(row.Old));
        Assert.Equal("""{"first_name":"Grace","timezone":"America/New_York"}""", Normalize(row.New));
        Assert.DoesNotContain("password", row.Old + row.New, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("argon2", await AllAuditTextAsync(server), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unchanged_profile_patch_writes_no_audit_row()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("same@example.com");
        using var client = server.Client(bearer: user.AccessToken);
        var before = await CountAsync(server, user.UserId);

        var response = await client.PatchAsJsonAsync("/api/v1/me", new { firstName = "Test" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await CountAsync(server, user.UserId));
    }

    [Fact]
    public async Task Key_creation_is_audited_with_the_key_hash_redacted_and_users_read_their_own_trail()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("trail@example.com");
        var (keyId, key) = await server.CreateKeyAsync(user, new { name = "bot", canWrite = true });
        using var client = server.Client(bearer: user.AccessToken);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/api-keys/{keyId}", TestContext.Current.CancellationToken)).StatusCode);

        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/audit", TestContext.Current.CancellationToken);

        // Newest first: the revocation, the creation, the login, the registration.
        var actions = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("action").GetString()).ToList();
        Assert.Equal(["API_KEY_REVOKED", "API_KEY_CREATED", "LOGIN", "USER_REGISTERED"], actions);
        var created = page.GetProperty("items")[1];
        Assert.Equal("[REDACTED]", created.GetProperty("newValues").GetProperty("api_key_hash").GetString());
        Assert.Equal(keyId.ToString(), created.GetProperty("resourceId").GetString());
        var revoked = page.GetProperty("items")[0];
        Assert.True(revoked.GetProperty("oldValues").GetProperty("is_active").GetBoolean());
        Assert.False(revoked.GetProperty("newValues").GetProperty("is_active").GetBoolean());
        Assert.DoesNotContain(key, await AllAuditTextAsync(server), StringComparison.Ordinal);
        var registered = page.GetProperty("items")[3];
        Assert.Equal("[REDACTED]", registered.GetProperty("newValues").GetProperty("password_hash").GetString());
    }

    [Fact]
    public async Task Audit_pages_follow_the_cursor_without_gaps_or_repeats()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("pages@example.com");
        using var client = server.Client(bearer: user.AccessToken);
        foreach (var name in new[] { "A", "B", "C", "D" })
        {
            await client.PatchAsJsonAsync("/api/v1/me", new { firstName = name }, TestContext.Current.CancellationToken);
        }

        // 6 rows: registration, login and four profile updates; pages of 4 and 2.
        var first = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/audit?limit=4", TestContext.Current.CancellationToken);
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await client.GetFromJsonAsync<JsonElement>($"/api/v1/me/audit?limit=4&before={cursor}", TestContext.Current.CancellationToken);

        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("logId").GetString()).ToList();
        Assert.Equal(6, ids.Count);
        Assert.Equal(6, ids.Distinct().Count());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        Assert.Equal(["PROFILE_UPDATED", "PROFILE_UPDATED", "PROFILE_UPDATED", "PROFILE_UPDATED"], first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("action").GetString()));
    }

    private static Task<long> CountAsync(ApiServer server, Guid userId) =>
        server.Db.ScalarAsync<long>($"SELECT COUNT(*) FROM audit_log WHERE user_id = '{userId}'");

    private static async Task<string> AllAuditTextAsync(ApiServer server) => string.Join("\n", await server.Db.QueryAsync(
        "SELECT COALESCE(CAST(old_values AS TEXT), '') || COALESCE(CAST(new_values AS TEXT), '') || COALESCE(CAST(metadata AS TEXT), '') FROM audit_log",
        r => r.GetString(0)));

    /// <summary>jsonb reorders keys and adds spaces; compare the members, sorted, not the text.</summary>
    private static string Normalize(string json) => JsonSerializer.Serialize(new SortedDictionary<string, JsonElement>(
        JsonDocument.Parse(json).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()), StringComparer.Ordinal));
}
