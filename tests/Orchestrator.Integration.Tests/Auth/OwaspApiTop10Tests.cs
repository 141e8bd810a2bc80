using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Orchestrator.Integration.Tests.Support;

namespace Orchestrator.Integration.Tests.Auth;

/// <summary>
/// The OWASP API Security Top 10 (2023), risk by risk, against the real server (Kestrel in process, a fresh
/// SQLite file per test). Each test first shows the request can succeed, where that matters, and then that
/// the attack is refused with the exact status and problem type and that nothing changed: re-read through
/// the owner's own credentials or straight from the database.
/// <para>
/// API7 (server-side request forgery) and API10 (unsafe consumption of third-party APIs) have no tests: the
/// server makes no outbound request a caller can influence. It fetches no caller-supplied URL, sends no
/// webhooks and calls no broker or market-data API yet; its only outbound connection is SMTP to the host the
/// operator configures, and verification links are built from configuration (Security:PublicBaseUrl), not from
/// the request. Tests belong here as soon as any of that changes.
/// </para>
/// </summary>
public sealed partial class OwaspApiTop10Tests
{
    private const string Password = "correct horse battery staple";
    private const string ProblemJson = "application/problem+json";

    // ---- API1: Broken object level authorization ------------------------------------------------------

    [Fact]
    public async Task API1_user_A_cannot_read_revoke_or_see_user_B_api_key()
    {
        await using var server = await ApiServer.StartAsync();
        var alice = await server.RegisterAndLoginAsync("alice@example.com");
        var bob = await server.RegisterAndLoginAsync("bob@example.com");
        var (bobKeyId, bobKey) = await server.CreateKeyAsync(bob, new { name = "bob-key" });
        using var asAlice = server.Client(bearer: alice.AccessToken);

        var read = await asAlice.GetAsync($"/api/v1/api-keys/{bobKeyId}", Ct);
        var readProblem = await Problems.AssertProblemAsync(read, HttpStatusCode.NotFound, "not-found");
        var revoke = await asAlice.DeleteAsync($"/api/v1/api-keys/{bobKeyId}", Ct);
        var revokeProblem = await Problems.AssertProblemAsync(revoke, HttpStatusCode.NotFound, "not-found");

        // Bob's id gets the very answer an id that exists nowhere gets: the 404 does not confirm it is real.
        var nowhere = await asAlice.GetAsync($"/api/v1/api-keys/{Guid.NewGuid()}", Ct);
        var nowhereProblem = await Problems.AssertProblemAsync(nowhere, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(nowhereProblem.GetProperty("detail").GetString(), readProblem.GetProperty("detail").GetString());
        Assert.Equal(nowhereProblem.GetProperty("detail").GetString(), revokeProblem.GetProperty("detail").GetString());

        // Alice's own list is empty; Bob's key id appears nowhere in it.
        var aliceList = await asAlice.GetAsync("/api/v1/api-keys", Ct);
        Assert.Equal(HttpStatusCode.OK, aliceList.StatusCode);
        var aliceListText = await aliceList.Content.ReadAsStringAsync(Ct);
        Assert.Equal(0, JsonDocument.Parse(aliceListText).RootElement.GetArrayLength());
        Assert.DoesNotContain(bobKeyId.ToString(), aliceListText, StringComparison.OrdinalIgnoreCase);

        // Nothing changed for Bob: his key still authenticates as him, and his own list shows it active.
        using var asBobKey = server.Client(apiKey: bobKey);
        var me = await asBobKey.GetAsync("/api/v1/me", Ct);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(bob.UserId, (await ReadJsonAsync(me)).GetProperty("userId").GetGuid());

        using var asBob = server.Client(bearer: bob.AccessToken);
        var bobList = await ReadJsonAsync(await asBob.GetAsync("/api/v1/api-keys", Ct));
        var listed = Assert.Single(bobList.EnumerateArray());
        Assert.Equal(bobKeyId, listed.GetProperty("apiKeyId").GetGuid());
        Assert.True(listed.GetProperty("isActive").GetBoolean());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("revokedAt").ValueKind);
        Assert.Equal(1L, await server.Db.ScalarAsync<long>(
            $"SELECT COUNT(*) FROM user_api_keys WHERE api_key_id = '{bobKeyId}' AND user_id = '{bob.UserId}' AND revoked_at IS NULL AND is_active = 1"));
    }

    [Fact]
    public async Task API1_user_A_audit_trail_contains_no_row_of_user_B()
    {
        await using var server = await ApiServer.StartAsync();
        var alice = await server.RegisterAndLoginAsync("alice@example.com");
        var bob = await server.RegisterAndLoginAsync("bob@example.com");
        var (bobKeyId, _) = await server.CreateKeyAsync(bob, new { name = "bob-key" });
        await server.CreateKeyAsync(alice, new { name = "alice-key" });
        using (var anonymous = server.Client())
        {
            // A failed login of Bob's writes an audit row of his too.
            var failed = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = bob.Email, password = "wrong password entirely" }, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        var bobRows = await LogIdsAsync(server, bob.UserId);
        var aliceRows = await LogIdsAsync(server, alice.UserId);
        // Bob: USER_REGISTERED, LOGIN, API_KEY_CREATED, LOGIN_FAILED.
        Assert.Equal(4, bobRows.Count);

        using var asAlice = server.Client(bearer: alice.AccessToken);
        var audit = await asAlice.GetAsync("/api/v1/me/audit?limit=500", Ct);
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        var items = (await ReadJsonAsync(audit)).GetProperty("items").EnumerateArray().ToList();
        var seen = items.Select(i => i.GetProperty("logId").GetGuid()).ToHashSet();

        // Exactly Alice's rows, none of Bob's, and nothing in them names Bob's account or key.
        Assert.Equal(aliceRows.ToHashSet(), seen);
        Assert.Empty(seen.Intersect(bobRows));
        Assert.All(items, item =>
        {
            Assert.NotEqual(bob.UserId.ToString(), item.GetProperty("resourceId").GetString());
            Assert.NotEqual(bobKeyId.ToString(), item.GetProperty("resourceId").GetString());
        });
    }

    // ---- API2: Broken authentication ------------------------------------------------------------------

    [Fact]
    public async Task API2_missing_garbage_or_unknown_credentials_get_401_problem()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("user@example.com");

        // The control: the real session token is accepted.
        using (var ok = server.Client(bearer: user.AccessToken))
        {
            Assert.Equal(HttpStatusCode.OK, (await ok.GetAsync("/api/v1/me", Ct)).StatusCode);
        }

        var wellFormedUnknownKey = "dto_AAAAAAAA_" + new string('A', 43);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user.Email}:{user.Password}"));
        (string Name, Action<HttpRequestMessage> Credential)[] cases =
        [
            ("no credentials", _ => { }),
            ("garbage bearer", r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token")),
            ("bearer of a refresh token", r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.RefreshToken)),
            ("email and password as Basic", r => r.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic)),
            ("garbage api key", r => r.Headers.Add("X-API-Key", "garbage")),
            ("well-formed unknown api key", r => r.Headers.Add("X-API-Key", wellFormedUnknownKey)),
            ("session token as api key", r => r.Headers.Add("X-API-Key", user.AccessToken)),
        ];
        using var client = server.Client();
        foreach (var (name, credential) in cases)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
            credential(request);
            var response = await client.SendAsync(request, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{name}: {(int)response.StatusCode}");
            await Problems.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        }
    }

    [Fact]
    public async Task API2_an_expired_api_key_gets_401()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("user@example.com");
        // A key cannot be created already expired (422), so it is created to expire two seconds from now,
        // used while valid (which also puts it in the server's credential cache), then used after expiry.
        var expiresAt = DateTimeOffset.UtcNow.AddSeconds(2);
        var (_, key) = await server.CreateKeyAsync(user, new { name = "k", expiresAt });
        using var asKey = server.Client(apiKey: key);
        Assert.Equal(HttpStatusCode.OK, (await asKey.GetAsync("/api/v1/me", Ct)).StatusCode);

        await Task.Delay(expiresAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300), Ct);

        await Problems.AssertProblemAsync(await asKey.GetAsync("/api/v1/me", Ct), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task API2_a_revoked_api_key_gets_401_at_once()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("user@example.com");
        var (keyId, key) = await server.CreateKeyAsync(user, new { name = "k" });
        using var asKey = server.Client(apiKey: key);
        Assert.Equal(HttpStatusCode.OK, (await asKey.GetAsync("/api/v1/me", Ct)).StatusCode);

        using var asUser = server.Client(bearer: user.AccessToken);
        Assert.Equal(HttpStatusCode.NoContent, (await asUser.DeleteAsync($"/api/v1/api-keys/{keyId}", Ct)).StatusCode);

        await Problems.AssertProblemAsync(await asKey.GetAsync("/api/v1/me", Ct), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task API2_reusing_a_refresh_token_revokes_the_whole_session_family()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("user@example.com");
        var other = await server.LoginAsync(user.Email, user.Password); // a separate login: another family
        using var anonymous = server.Client();

        var first = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.RefreshToken }, Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var rotated = await ReadJsonAsync(first);
        var newAccess = rotated.GetProperty("accessToken").GetString()!;
        var newRefresh = rotated.GetProperty("refreshToken").GetString()!;
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(server, newAccess, "/api/v1/me"));

        // The old refresh token a second time: refused, and it takes the family down with it.
        var reuse = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.RefreshToken }, Ct);
        await Problems.AssertProblemAsync(reuse, HttpStatusCode.Unauthorized, "unauthorized");

        foreach (var access in new[] { newAccess, user.AccessToken })
        {
            using var client = server.Client(bearer: access);
            await Problems.AssertProblemAsync(await client.GetAsync("/api/v1/me", Ct), HttpStatusCode.Unauthorized, "unauthorized");
        }

        var next = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = newRefresh }, Ct);
        await Problems.AssertProblemAsync(next, HttpStatusCode.Unauthorized, "unauthorized");

        // The family's two sessions (the login and its rotation) are revoked; the separate login is not.
        Assert.Equal(2L, await server.Db.ScalarAsync<long>(
            $"SELECT COUNT(*) FROM user_sessions WHERE user_id = '{user.UserId}' AND revoked_at IS NOT NULL"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(server, other.AccessToken, "/api/v1/me"));
    }

    [Fact]
    public async Task API2_after_logout_the_access_and_refresh_tokens_get_401()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("user@example.com");
        using var asUser = server.Client(bearer: user.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await asUser.GetAsync("/api/v1/me", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await asUser.PostAsync("/api/v1/auth/logout", null, Ct)).StatusCode);

        await Problems.AssertProblemAsync(await asUser.GetAsync("/api/v1/me", Ct), HttpStatusCode.Unauthorized, "unauthorized");
        using var anonymous = server.Client();
        var refresh = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.RefreshToken }, Ct);
        await Problems.AssertProblemAsync(refresh, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task API2_logout_all_ends_every_session_of_the_user()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("user@example.com");
        var second = await server.LoginAsync(user.Email, user.Password);
        using var asUser = server.Client(bearer: user.AccessToken);

        var response = await asUser.PostAsync("/api/v1/auth/logout-all", null, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await ReadJsonAsync(response)).GetProperty("revokedSessions").GetInt32());
        foreach (var access in new[] { user.AccessToken, second.AccessToken })
        {
            using var client = server.Client(bearer: access);
            await Problems.AssertProblemAsync(await client.GetAsync("/api/v1/me", Ct), HttpStatusCode.Unauthorized, "unauthorized");
        }
    }

    [Fact]
    public async Task API2_deleting_the_account_locks_out_its_sessions_and_keys_at_once()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("user@example.com");
        var second = await server.LoginAsync(user.Email, user.Password);
        var (_, key) = await server.CreateKeyAsync(user, new { name = "k", canWrite = true, canTrade = true });
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(server, second.AccessToken, "/api/v1/me"));
        using (var asKey = server.Client(apiKey: key))
        {
            Assert.Equal(HttpStatusCode.OK, (await asKey.GetAsync("/api/v1/me", Ct)).StatusCode);
        }

        using var asUser = server.Client(bearer: user.AccessToken);
        Assert.Equal(HttpStatusCode.NoContent, (await asUser.DeleteAsync("/api/v1/me", Ct)).StatusCode);

        // The session that deleted, the other session and the key: all refused on their very next request.
        using var asSecond = server.Client(bearer: second.AccessToken);
        using var asKeyAfter = server.Client(apiKey: key);
        foreach (var client in new[] { asUser, asSecond, asKeyAfter })
        {
            await Problems.AssertProblemAsync(await client.GetAsync("/api/v1/me", Ct), HttpStatusCode.Unauthorized, "unauthorized");
        }

        // Nor can the account come back through its password or a refresh token.
        using var anonymous = server.Client();
        var login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password }, Ct);
        await Problems.AssertProblemAsync(login, HttpStatusCode.Unauthorized, "unauthorized");
        var refresh = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = second.RefreshToken }, Ct);
        await Problems.AssertProblemAsync(refresh, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(1L, await server.Db.ScalarAsync<long>($"SELECT COUNT(*) FROM users WHERE user_id = '{user.UserId}' AND deleted_at IS NOT NULL"));
    }

    [Fact]
    public async Task API2_tokens_and_keys_are_stored_only_as_sha256_hashes()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("user@example.com");
        var (keyId, key) = await server.CreateKeyAsync(user, new { name = "k" });
        using var anonymous = server.Client();
        var refreshed = await ReadJsonAsync(await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.RefreshToken }, Ct));
        var access2 = refreshed.GetProperty("accessToken").GetString()!;
        var refresh2 = refreshed.GetProperty("refreshToken").GetString()!;
        string[] secrets = [user.AccessToken, user.RefreshToken, access2, refresh2, key];

        var sessions = await RowsAsync(server, $"SELECT * FROM user_sessions WHERE user_id = '{user.UserId}'");
        Assert.Equal(2, sessions.Count);
        // Each stored value is the lower-case hex SHA-256 of the token shown once to the client (64 characters),
        // the access and refresh token of one login in the same row.
        var login = Assert.Single(sessions, s => s["session_token"] == Sha256Hex(user.AccessToken));
        Assert.Equal(Sha256Hex(user.RefreshToken), login["refresh_token"]);
        var rotation = Assert.Single(sessions, s => s["session_token"] == Sha256Hex(access2));
        Assert.Equal(Sha256Hex(refresh2), rotation["refresh_token"]);
        Assert.Equal(64, rotation["session_token"]!.Length);

        var keyRow = Assert.Single(await RowsAsync(server, $"SELECT * FROM user_api_keys WHERE api_key_id = '{keyId}'"));
        Assert.Equal(Sha256Hex(key), keyRow["api_key_hash"]);
        Assert.Equal(key[..12], keyRow["api_key_prefix"]); // "dto_" + 8 characters: displayable, not the secret

        // No column of any row that could hold them (sessions, keys, the user, the audit trail) holds a plain token.
        var everything = new List<Dictionary<string, string?>>();
        foreach (var table in new[] { "user_sessions", "user_api_keys", "users", "audit_log" })
        {
            everything.AddRange(await RowsAsync(server, $"SELECT * FROM {table}"));
        }

        var stored = string.Join("\n", everything.SelectMany(row => row.Values));
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, stored, StringComparison.Ordinal));
    }

    // ---- API3: Broken object property level authorization -----------------------------------------------

    [Fact]
    public async Task API3_register_ignores_isVerified_userId_and_other_server_owned_fields()
    {
        await using var server = await ApiServer.StartAsync();
        var chosenId = Guid.NewGuid();
        using var anonymous = server.Client();

        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new
        {
            email = "mallory@example.com",
            password = Password,
            firstName = "Mallory",
            lastName = "Attacker",
            isVerified = true,
            userId = chosenId,
            passwordHash = "$argon2id$v=19$m=8,t=1,p=1$AAAA$AAAA",
            isActive = true,
            createdAt = "2000-01-01T00:00:00Z",
        }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var userId = (await ReadJsonAsync(response)).GetProperty("userId").GetGuid();
        Assert.NotEqual(chosenId, userId);
        Assert.Equal(0L, await server.Db.ScalarAsync<long>($"SELECT COUNT(*) FROM users WHERE user_id = '{chosenId}'"));
        Assert.Equal(0L, await server.Db.ScalarAsync<long>($"SELECT is_verified FROM users WHERE user_id = '{userId}'"));
        Assert.StartsWith("$argon2id$v=19$m=19456,t=2,p=1$", await server.Db.ScalarAsync<string>($"SELECT password_hash FROM users WHERE user_id = '{userId}'"), StringComparison.Ordinal);
        Assert.NotEqual("2000-01-01", (await server.Db.ScalarAsync<string>($"SELECT created_at FROM users WHERE user_id = '{userId}'"))[..10]);

        // The password in the body, not the hash, is what logs in; the profile says unverified.
        var tokens = await server.LoginAsync("mallory@example.com", Password);
        using var asMallory = server.Client(bearer: tokens.AccessToken);
        var me = await ReadJsonAsync(await asMallory.GetAsync("/api/v1/me", Ct));
        Assert.Equal(userId, me.GetProperty("userId").GetGuid());
        Assert.False(me.GetProperty("isVerified").GetBoolean());
    }

    [Fact]
    public async Task API3_patch_me_changes_profile_fields_but_not_isVerified_userId_email_or_passwordHash()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("user@example.com");
        var victim = await server.RegisterAndLoginAsync("victim@example.com");
        var userSql = $"SELECT * FROM users WHERE user_id = '{user.UserId}'";
        var before = Assert.Single(await RowsAsync(server, userSql));
        var victimBefore = Assert.Single(await RowsAsync(server, $"SELECT * FROM users WHERE user_id = '{victim.UserId}'"));
        using var asUser = server.Client(bearer: user.AccessToken);

        var response = await asUser.PatchAsJsonAsync("/api/v1/me", new
        {
            firstName = "Changed",
            isVerified = true,
            userId = victim.UserId,
            email = "taken-over@example.com",
            passwordHash = victimBefore["password_hash"],
            password_hash = victimBefore["password_hash"],
            isActive = true,
            deletedAt = "2020-01-01T00:00:00Z",
        }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var profile = await ReadJsonAsync(response);
        Assert.Equal("Changed", profile.GetProperty("firstName").GetString());
        Assert.Equal(user.UserId, profile.GetProperty("userId").GetGuid());
        Assert.Equal(user.Email, profile.GetProperty("email").GetString());
        Assert.False(profile.GetProperty("isVerified").GetBoolean());

        // In the database, exactly first_name (and its updated_at) moved; the victim's row not at all.
        var after = Assert.Single(await RowsAsync(server, userSql));
        var changed = before.Keys.Where(column => before[column] != after[column]).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "first_name", "updated_at" }, changed);
        Assert.Equal(victimBefore, Assert.Single(await RowsAsync(server, $"SELECT * FROM users WHERE user_id = '{victim.UserId}'")));

        // GET /me agrees, and the old password still logs in (the hash was not replaced with the victim's).
        var me = await ReadJsonAsync(await asUser.GetAsync("/api/v1/me", Ct));
        Assert.Equal(user.Email, me.GetProperty("email").GetString());
        Assert.False(me.GetProperty("isVerified").GetBoolean());
        await server.LoginAsync(user.Email, user.Password);
    }

    [Fact]
    public async Task API3_no_response_exposes_password_hashes_key_hashes_or_the_key_after_creation()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("user@example.com");
        var (keyId, key) = await server.CreateKeyAsync(user, new { name = "k", canWrite = true });
        var passwordHash = await server.Db.ScalarAsync<string>($"SELECT password_hash FROM users WHERE user_id = '{user.UserId}'");
        var keyHash = await server.Db.ScalarAsync<string>($"SELECT api_key_hash FROM user_api_keys WHERE api_key_id = '{keyId}'");
        using var asUser = server.Client(bearer: user.AccessToken);
        using var asKey = server.Client(apiKey: key);

        var bodies = new Dictionary<string, string>
        {
            ["GET /me (session)"] = await OkBodyAsync(asUser, "/api/v1/me"),
            ["GET /me (key)"] = await OkBodyAsync(asKey, "/api/v1/me"),
            ["GET /api-keys"] = await OkBodyAsync(asUser, "/api/v1/api-keys"),
            [$"GET /api-keys/{keyId}"] = await OkBodyAsync(asUser, $"/api/v1/api-keys/{keyId}"),
        };
        foreach (var (name, body) in bodies)
        {
            foreach (var forbidden in new[] { "passwordHash", "password_hash", "apiKeyHash", "api_key_hash", "verificationToken", "sessionToken", passwordHash, keyHash, key, user.Password })
            {
                Assert.False(body.Contains(forbidden, StringComparison.OrdinalIgnoreCase), $"{name} contains '{forbidden}': {body}");
            }
        }

        // The audit trail names the columns it redacted, but never their values.
        var audit = await OkBodyAsync(asUser, "/api/v1/me/audit");
        foreach (var forbidden in new[] { passwordHash, keyHash, key, user.Password, user.AccessToken, user.RefreshToken })
        {
            Assert.DoesNotContain(forbidden, audit, StringComparison.Ordinal);
        }

        // The listing shows the displayable prefix only.
        Assert.Contains($"\"prefix\":\"{key[..12]}\"", bodies["GET /api-keys"], StringComparison.Ordinal);
    }

    // ---- API4: Unrestricted resource consumption ------------------------------------------------------

    [Fact]
    public async Task API4_the_1001st_request_of_a_1000_per_hour_key_gets_429_with_retry_after()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("user@example.com");
        var (_, key) = await server.CreateKeyAsync(user, new { name = "k", rateLimitPerHour = 1000 });
        using var asKey = server.Client(apiKey: key);
        // Quotas count in clock-hour windows: start well inside one so all 1,001 requests fall in it.
        await AvoidWindowEndAsync(TimeSpan.FromHours(1), TimeSpan.FromMinutes(1));

        HttpResponseMessage response = null!;
        for (var i = 1; i <= 1000; i++)
        {
            response = await asKey.GetAsync("/api/v1/me", Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"request {i}: {(int)response.StatusCode}");
            // After the i-th request, 1000 - i remain: 999 after the first, 0 after the 1,000th.
            Assert.Equal((1000 - i).ToString(CultureInfo.InvariantCulture), Header(response, "X-RateLimit-Remaining"));
        }

        Assert.Equal("1000", Header(response, "X-RateLimit-Limit"));
        var reset = long.Parse(Header(response, "X-RateLimit-Reset")!, CultureInfo.InvariantCulture);

        var refused = await asKey.GetAsync("/api/v1/me", Ct);

        await Problems.AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.Equal("0", Header(refused, "X-RateLimit-Remaining"));
        Assert.Equal("1000", Header(refused, "X-RateLimit-Limit"));
        Assert.Equal(reset, long.Parse(Header(refused, "X-RateLimit-Reset")!, CultureInfo.InvariantCulture));
        // Retry-After is the whole seconds left in the hour, rounded up: between 1 and 3600, and it ends at the reset.
        var retryAfter = refused.Headers.RetryAfter?.Delta?.TotalSeconds;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, 1, 3600);
        Assert.InRange(DateTimeOffset.UtcNow.ToUnixTimeSeconds() + (long)retryAfter.Value - reset, -2, 2);

        // Another key of the same user has its own, untouched quota.
        var (_, other) = await server.CreateKeyAsync(user, new { name = "other", rateLimitPerHour = 1000 });
        using var asOther = server.Client(apiKey: other);
        var fresh = await asOther.GetAsync("/api/v1/me", Ct);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal("999", Header(fresh, "X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task API4_every_api_v1_response_carries_quota_headers_refusals_included()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("user@example.com");
        var (_, key) = await server.CreateKeyAsync(user, new { name = "k", rateLimitPerHour = 50 });
        var (_, fenced) = await server.CreateKeyAsync(user, new { name = "fenced", allowedIps = new[] { "10.0.0.0/8" } });
        using var anonymous = server.Client();
        using var asUser = server.Client(bearer: user.AccessToken);
        using var asKey = server.Client(apiKey: key);
        using var asFenced = server.Client(apiKey: fenced);
        using var asGarbage = server.Client(bearer: "not-a-token");

        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["200 session"] = await asUser.GetAsync("/api/v1/me", Ct),
            ["200 key"] = await asKey.GetAsync("/api/v1/me", Ct),
            ["404 unknown route"] = await anonymous.GetAsync("/api/v1/nope", Ct),
            ["400 malformed json"] = await anonymous.PostAsync("/api/v1/auth/register", new StringContent("{", Encoding.UTF8, "application/json"), Ct),
            ["422 validation"] = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email = "not an email" }, Ct),
            ["401 wrong password"] = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "wrong" }, Ct),
            ["401 no credentials"] = await anonymous.GetAsync("/api/v1/me", Ct),
            ["401 garbage bearer"] = await asGarbage.GetAsync("/api/v1/me", Ct),
            ["403 key from a refused ip"] = await asFenced.GetAsync("/api/v1/me", Ct),
            ["403 key on a session-only route"] = await asKey.GetAsync("/api/v1/api-keys", Ct),
        };

        var missing = responses
            .Where(r => new[] { "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset" }.Any(h => !long.TryParse(Header(r.Value, h), CultureInfo.InvariantCulture, out _)))
            .Select(r => r.Key)
            .ToList();
        Assert.Empty(missing);
        // The quota each one was counted against: a session's 10,000, the key's own 50, anonymous callers' 600 per IP.
        Assert.Equal("10000", Header(responses["200 session"], "X-RateLimit-Limit"));
        Assert.Equal("50", Header(responses["200 key"], "X-RateLimit-Limit"));
        Assert.Equal("600", Header(responses["404 unknown route"], "X-RateLimit-Limit"));
    }

    [Fact]
    public async Task API4_a_body_over_1_MiB_gets_413_problem_and_creates_nothing()
    {
        await using var server = await ApiServer.StartAsync();
        using var anonymous = server.Client();
        const int limit = 1024 * 1024; // 1 MiB = 1,048,576 bytes

        // Exactly 1,048,576 bytes is read (and refused by validation: that first name is far over 100 characters).
        var atLimit = await anonymous.PostAsync("/api/v1/auth/register", RegisterBodyOfSize("at-limit@example.com", limit), Ct);
        var validation = await Problems.AssertProblemAsync(atLimit, HttpStatusCode.UnprocessableEntity, "validation");
        Assert.True(validation.GetProperty("errors").TryGetProperty("firstName", out _));

        // One byte more is refused before it is read, on its Content-Length alone, and the connection closed: a client
        // still writing the megabyte then could meet a broken pipe before it read the answer (it did on a loaded
        // machine). Sent as clients send large bodies, with Expect: 100-continue, it waits for the server's word first.
        using var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) };
        using var careful = new HttpClient(handler) { BaseAddress = server.BaseAddress };
        using var overRequest = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/register") { Content = RegisterBodyOfSize("over-limit@example.com", limit + 1) };
        overRequest.Headers.ExpectContinue = true;
        var overLimit = await careful.SendAsync(overRequest, Ct);
        await Problems.AssertProblemAsync(overLimit, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");

        // And so is a chunked body, whose size is not announced up front.
        var chunkedBody = RegisterBodyOfSize("chunked@example.com", 2 * limit);
        chunkedBody.Headers.ContentLength = null;
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/register") { Content = chunkedBody };
        chunked.Headers.TransferEncodingChunked = true;
        await Problems.AssertProblemAsync(await anonymous.SendAsync(chunked, Ct), HttpStatusCode.RequestEntityTooLarge, "payload-too-large");

        Assert.Equal(0L, await server.Db.ScalarAsync<long>("SELECT COUNT(*) FROM users"));
    }

    [Fact]
    public async Task API4_malformed_json_gets_400_and_a_wrongly_typed_member_422_and_creates_nothing()
    {
        await using var server = await ApiServer.StartAsync();
        using var anonymous = server.Client();

        foreach (var text in new[] { "{\"email\": \"x@example.com\", \"password\": ", "not json at all" })
        {
            using var content = new StringContent(text, Encoding.UTF8, "application/json");
            var response = await anonymous.PostAsync("/api/v1/auth/register", content, Ct);
            await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, "bad-request");
        }

        // JSON with a member of the wrong type is invalid input rather than malformed: 422 naming the member.
        using var wrongType = new StringContent("{\"email\": 42, \"password\": \"" + Password + "\"}", Encoding.UTF8, "application/json");
        var invalid = await Problems.AssertProblemAsync(await anonymous.PostAsync("/api/v1/auth/register", wrongType, Ct), HttpStatusCode.UnprocessableEntity, "validation");
        Assert.Equal("email: has the wrong type: expected a string.", invalid.GetProperty("detail").GetString());

        Assert.Equal(0L, await server.Db.ScalarAsync<long>("SELECT COUNT(*) FROM users"));
    }

    // ---- API5: Broken function level authorization ----------------------------------------------------

    [Fact]
    public async Task API5_a_read_only_key_cannot_revoke_a_key()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("user@example.com");
        var (targetId, target) = await server.CreateKeyAsync(user, new { name = "target", canWrite = true });
        var (_, readOnly) = await server.CreateKeyAsync(user, new { name = "read-only", canRead = true, canWrite = false });
        using var asReadOnly = server.Client(apiKey: readOnly);

        // Every write route is session-only today too, so either check may be the one that refuses: no
        // route yet tells can_write apart from session-only. The outcome is what is pinned here.
        var response = await asReadOnly.DeleteAsync($"/api/v1/api-keys/{targetId}", Ct);

        await Problems.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(1L, await server.Db.ScalarAsync<long>($"SELECT COUNT(*) FROM user_api_keys WHERE api_key_id = '{targetId}' AND revoked_at IS NULL AND is_active = 1"));
        using var asTarget = server.Client(apiKey: target);
        Assert.Equal(HttpStatusCode.OK, (await asTarget.GetAsync("/api/v1/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task API5_even_a_full_permission_key_cannot_create_list_or_revoke_api_keys()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("user@example.com");
        var (keyId, key) = await server.CreateKeyAsync(user, new { name = "full", canRead = true, canWrite = true, canTrade = true });
        using var asKey = server.Client(apiKey: key);

        var create = await asKey.PostAsJsonAsync("/api/v1/api-keys", new { name = "minted", canRead = true, canWrite = true, canTrade = true, rateLimitPerHour = 1_000_000 }, Ct);
        await Problems.AssertProblemAsync(create, HttpStatusCode.Forbidden, "forbidden");
        await Problems.AssertProblemAsync(await asKey.GetAsync("/api/v1/api-keys", Ct), HttpStatusCode.Forbidden, "forbidden");
        await Problems.AssertProblemAsync(await asKey.GetAsync($"/api/v1/api-keys/{keyId}", Ct), HttpStatusCode.Forbidden, "forbidden");
        await Problems.AssertProblemAsync(await asKey.DeleteAsync($"/api/v1/api-keys/{keyId}", Ct), HttpStatusCode.Forbidden, "forbidden");

        // Still one key, the original, unrevoked.
        Assert.Equal(1L, await server.Db.ScalarAsync<long>($"SELECT COUNT(*) FROM user_api_keys WHERE user_id = '{user.UserId}'"));
        Assert.Equal(1L, await server.Db.ScalarAsync<long>($"SELECT COUNT(*) FROM user_api_keys WHERE api_key_id = '{keyId}' AND revoked_at IS NULL"));
    }

    [Fact]
    public async Task API5_a_full_permission_key_cannot_change_or_delete_the_account_or_end_its_sessions()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("user@example.com");
        var (_, key) = await server.CreateKeyAsync(user, new { name = "full", canRead = true, canWrite = true, canTrade = true });
        var userSql = $"SELECT * FROM users WHERE user_id = '{user.UserId}'";
        var before = Assert.Single(await RowsAsync(server, userSql));
        using var asKey = server.Client(apiKey: key);

        await Problems.AssertProblemAsync(await asKey.PatchAsJsonAsync("/api/v1/me", new { firstName = "Changed" }, Ct), HttpStatusCode.Forbidden, "forbidden");
        await Problems.AssertProblemAsync(await asKey.DeleteAsync("/api/v1/me", Ct), HttpStatusCode.Forbidden, "forbidden");
        await Problems.AssertProblemAsync(await asKey.PostAsync("/api/v1/auth/logout-all", null, Ct), HttpStatusCode.Forbidden, "forbidden");
        await Problems.AssertProblemAsync(await asKey.PostAsync("/api/v1/auth/logout", null, Ct), HttpStatusCode.Forbidden, "forbidden");

        Assert.Equal(before, Assert.Single(await RowsAsync(server, userSql)));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(server, user.AccessToken, "/api/v1/me"));
        Assert.Equal(0L, await server.Db.ScalarAsync<long>($"SELECT COUNT(*) FROM user_sessions WHERE user_id = '{user.UserId}' AND revoked_at IS NOT NULL"));
    }

    [Fact]
    public async Task API5_a_key_without_can_read_cannot_get()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("user@example.com");
        var (_, writeOnly) = await server.CreateKeyAsync(user, new { name = "write-only", canRead = false, canWrite = true });
        using var asKey = server.Client(apiKey: writeOnly);

        await Problems.AssertProblemAsync(await asKey.GetAsync("/api/v1/me", Ct), HttpStatusCode.Forbidden, "forbidden");
        await Problems.AssertProblemAsync(await asKey.GetAsync("/api/v1/me/audit", Ct), HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task API5_a_key_limited_to_me_audit_gets_403_on_me_and_200_on_me_audit()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("user@example.com");
        var (_, key) = await server.CreateKeyAsync(user, new { name = "audit-only", allowedEndpoints = new[] { "/api/v1/me/audit" } });
        using var asKey = server.Client(apiKey: key);

        await Problems.AssertProblemAsync(await asKey.GetAsync("/api/v1/me", Ct), HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, (await asKey.GetAsync("/api/v1/me/audit", Ct)).StatusCode);
    }

    [Fact]
    public async Task API5_a_key_limited_to_other_ips_gets_403_from_127_0_0_1()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("user@example.com");
        var (_, elsewhere) = await server.CreateKeyAsync(user, new { name = "office", allowedIps = new[] { "10.0.0.0/8" } });
        var (_, loopback) = await server.CreateKeyAsync(user, new { name = "loopback", allowedIps = new[] { "127.0.0.0/8" } });

        using (var asElsewhere = server.Client(apiKey: elsewhere))
        {
            await Problems.AssertProblemAsync(await asElsewhere.GetAsync("/api/v1/me", Ct), HttpStatusCode.Forbidden, "forbidden");
        }

        using var asLoopback = server.Client(apiKey: loopback);
        Assert.Equal(HttpStatusCode.OK, (await asLoopback.GetAsync("/api/v1/me", Ct)).StatusCode);
    }

    // ---- API6: Unrestricted access to sensitive business flows (login) ----------------------------------

    [Fact]
    public async Task API6_five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await RegisterAsync(server, "user@example.com");
        using var anonymous = server.Client();
        // The failure window is 15 clock minutes: start well inside one so all six attempts share it.
        await AvoidWindowEndAsync(TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(30));

        for (var i = 1; i <= 5; i++)
        {
            var wrong = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user, password = $"wrong password {i}" }, Ct);
            await Problems.AssertProblemAsync(wrong, HttpStatusCode.Unauthorized, "unauthorized");
        }

        var right = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user, password = Password }, Ct);

        await Problems.AssertProblemAsync(right, HttpStatusCode.TooManyRequests, "login-throttled");
        // The lock lasts until the 15-minute window ends: 1 to 900 seconds.
        Assert.InRange(right.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 900);
        Assert.Equal(0L, await server.Db.ScalarAsync<long>("SELECT COUNT(*) FROM user_sessions"));
    }

    [Fact]
    public async Task API6_an_unknown_email_is_throttled_exactly_like_a_real_one()
    {
        await using var server = await ApiServer.StartAsync();
        var real = await RegisterAsync(server, "real@example.com");
        const string unknown = "nobody@example.com";
        using var anonymous = server.Client();
        await AvoidWindowEndAsync(TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(30));

        var sixth = new Dictionary<string, HttpResponseMessage>();
        foreach (var email in new[] { real, unknown })
        {
            for (var i = 1; i <= 5; i++)
            {
                var wrong = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "wrong password" }, Ct);
                await Problems.AssertProblemAsync(wrong, HttpStatusCode.Unauthorized, "unauthorized");
            }

            sixth[email] = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password }, Ct);
        }

        var realProblem = await Problems.AssertProblemAsync(sixth[real], HttpStatusCode.TooManyRequests, "login-throttled");
        var unknownProblem = await Problems.AssertProblemAsync(sixth[unknown], HttpStatusCode.TooManyRequests, "login-throttled");
        Assert.Equal(WithoutTraceId(realProblem), WithoutTraceId(unknownProblem));
        // Both wait for the end of the same window; the two answers were computed moments apart.
        var realWait = sixth[real].Headers.RetryAfter?.Delta?.TotalSeconds ?? 0;
        var unknownWait = sixth[unknown].Headers.RetryAfter?.Delta?.TotalSeconds ?? 0;
        Assert.InRange(realWait, 1, 900);
        Assert.InRange(unknownWait, realWait - 2, realWait);
    }

    [Fact]
    public async Task API6_wrong_password_and_unknown_email_get_identical_401_answers()
    {
        await using var server = await ApiServer.StartAsync();
        var real = await RegisterAsync(server, "real@example.com");
        using var anonymous = server.Client();

        var wrongPassword = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = real, password = "wrong password" }, Ct);
        var unknownEmail = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@example.com", password = "wrong password" }, Ct);

        var a = await Problems.AssertProblemAsync(wrongPassword, HttpStatusCode.Unauthorized, "unauthorized");
        var b = await Problems.AssertProblemAsync(unknownEmail, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(WithoutTraceId(a), WithoutTraceId(b));
        Assert.NotEqual(a.GetProperty("traceId").GetString(), b.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task API6_twenty_failed_logins_from_one_ip_lock_out_every_account_from_it()
    {
        await using var server = await ApiServer.StartAsync();
        var real = await RegisterAsync(server, "real@example.com");
        using var anonymous = server.Client();
        await AvoidWindowEndAsync(TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(60));

        // Twenty different emails, one failure each: no account reaches its own limit of 5, the IP reaches 20.
        for (var i = 1; i <= 20; i++)
        {
            var wrong = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = $"guess{i}@example.com", password = "wrong password" }, Ct);
            await Problems.AssertProblemAsync(wrong, HttpStatusCode.Unauthorized, "unauthorized");
        }

        var right = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = real, password = Password }, Ct);

        await Problems.AssertProblemAsync(right, HttpStatusCode.TooManyRequests, "login-throttled");
        Assert.Equal(0L, await server.Db.ScalarAsync<long>("SELECT COUNT(*) FROM user_sessions"));
    }

    // ---- API8: Security misconfiguration --------------------------------------------------------------

    [Fact]
    public async Task API8_responses_carry_security_headers_and_api_answers_are_never_cached()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("user@example.com");
        using var asUser = server.Client(bearer: user.AccessToken);
        using var anonymous = server.Client();

        var api = new Dictionary<string, HttpResponseMessage>
        {
            ["200 GET /api/v1/me"] = await asUser.GetAsync("/api/v1/me", Ct),
            ["401 GET /api/v1/me"] = await anonymous.GetAsync("/api/v1/me", Ct),
            ["404 GET /api/v1/nope"] = await anonymous.GetAsync("/api/v1/nope", Ct),
            ["401 POST /api/v1/auth/login"] = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "wrong" }, Ct),
        };
        foreach (var (name, response) in api)
        {
            Assert.True(Header(response, "X-Content-Type-Options") == "nosniff", name);
            Assert.True(Header(response, "X-Frame-Options") == "DENY", name);
            Assert.True(response.Headers.CacheControl?.NoStore == true, name);
        }

        var health = await anonymous.GetAsync("/health", Ct);
        Assert.Equal("nosniff", Header(health, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(health, "X-Frame-Options"));
    }

    [Fact]
    public async Task API8_error_bodies_never_contain_stack_traces_or_exception_names()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("user@example.com");
        using var anonymous = server.Client();
        using var asUser = server.Client(bearer: user.AccessToken);

        var errors = new List<HttpResponseMessage>
        {
            await anonymous.PostAsync("/api/v1/auth/register", new StringContent("{\"email\": ", Encoding.UTF8, "application/json"), Ct),
            await anonymous.PostAsync("/api/v1/auth/register", new StringContent("{\"dateOfBirth\": \"not a date\"}", Encoding.UTF8, "application/json"), Ct),
            await anonymous.PostAsync("/api/v1/auth/register", new StringContent("<xml/>", Encoding.UTF8, "application/xml"), Ct),
            // (Oversized bodies are API4's test: the server may close the connection mid-upload.)
            await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email = "not an email" }, Ct),
            await anonymous.GetAsync("/api/v1/me", Ct),
            await anonymous.GetAsync("/api/v1/does/not/exist", Ct),
            await asUser.GetAsync("/api/v1/api-keys/not-a-guid", Ct),
            await asUser.GetAsync("/api/v1/me/audit?limit=abc", Ct),
            await asUser.GetAsync("/api/v1/me/audit?limit=100000", Ct),
            await asUser.PatchAsync("/api/v1/me", new StringContent("[1, 2", Encoding.UTF8, "application/json"), Ct),
        };

        foreach (var response in errors)
        {
            var body = await response.Content.ReadAsStringAsync(Ct);
            var what = $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri!.PathAndQuery} -> {(int)response.StatusCode}: {body}";
            // A .NET stack frame reads "   at Namespace.Type.Method(...)"; exception types end in "Exception".
            Assert.False(StackFrame().IsMatch(body), what);
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Orchestrator.", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Microsoft.", body, StringComparison.Ordinal);
            // And each is a client error told as problem details, not a 500 or an HTML error page.
            Assert.True((int)response.StatusCode is >= 400 and < 500, what);
            Assert.True(response.Content.Headers.ContentType?.MediaType == ProblemJson, what);
        }
    }

    [Fact]
    public async Task API8_no_cors_permission_is_granted_to_a_foreign_origin()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("user@example.com");
        using var asUser = server.Client(bearer: user.AccessToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Add("Origin", "https://evil.example");
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/me");
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "DELETE");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization");

        foreach (var response in new[] { await asUser.SendAsync(request, Ct), await asUser.SendAsync(preflight, Ct) })
        {
            Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
            Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
            Assert.False(response.Headers.Contains("Access-Control-Allow-Methods"));
        }
    }

    // ---- API9: Improper inventory management ----------------------------------------------------------

    [Fact]
    public async Task API9_openapi_documents_only_api_v1_paths_and_health()
    {
        await using var server = await ApiServer.StartAsync();
        using var anonymous = server.Client();

        var document = await ReadJsonAsync(await anonymous.GetAsync("/openapi/v1.json", Ct));
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.NotEmpty(paths);
        Assert.All(paths, path => Assert.True(path == "/health" || path.StartsWith("/api/v1/", StringComparison.Ordinal), path));
        // What this suite relies on is documented (an undocumented endpoint is an unmanaged one).
        foreach (var expected in new[] { "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/me", "/api/v1/api-keys", "/api/v1/api-keys/{id}", "/api/v1/me/audit" })
        {
            Assert.Contains(expected, paths);
        }
    }

    [Fact]
    public async Task API9_an_unknown_api_v1_path_gets_404_problem()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("user@example.com");
        using var anonymous = server.Client();
        using var asUser = server.Client(bearer: user.AccessToken);

        foreach (var client in new[] { anonymous, asUser })
        {
            foreach (var path in new[] { "/api/v1/nope", "/api/v1/admin/users", "/api/v1/users/" + user.UserId, "/api/v1/api-keys/not-a-guid" })
            {
                var response = await client.GetAsync(path, Ct);
                var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
                Assert.Equal("DENY", Header(response, "X-Frame-Options"));
                Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
            }
        }
    }

    // ---- Helpers --------------------------------------------------------------------------------------

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"\bat [\w.`<>+]+\.[\w<>`]+\(", RegexOptions.CultureInvariant)]
    private static partial Regex StackFrame();

    private static string Sha256Hex(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();

    private static async Task<string> OkBodyAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        return body;
    }

    private static async Task<HttpStatusCode> StatusAsync(ApiServer server, string bearer, string path)
    {
        using var client = server.Client(bearer: bearer);
        return (await client.GetAsync(path, Ct)).StatusCode;
    }

    /// <summary>Registers without logging in (login would reset a throttle counter); returns the email.</summary>
    private static async Task<string> RegisterAsync(ApiServer server, string email)
    {
        using var client = server.Client();
        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Password, firstName = "Test", lastName = "User" }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return email;
    }

    /// <summary>A registration JSON body of exactly <paramref name="size"/> bytes, padded in firstName.</summary>
    private static ByteArrayContent RegisterBodyOfSize(string email, int size)
    {
        var prefix = $"{{\"email\":\"{email}\",\"password\":\"{Password}\",\"lastName\":\"User\",\"firstName\":\"";
        const string suffix = "\"}";
        var bytes = Encoding.UTF8.GetBytes(prefix + new string('a', size - prefix.Length - suffix.Length) + suffix);
        Assert.Equal(size, bytes.Length);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static async Task<List<Guid>> LogIdsAsync(ApiServer server, Guid userId) =>
        await server.Db.QueryAsync($"SELECT log_id FROM audit_log WHERE user_id = '{userId}'", r => Guid.Parse(r.GetString(0)));

    /// <summary>Every column of every row, as invariant text (null for NULL).</summary>
    private static async Task<List<Dictionary<string, string?>>> RowsAsync(ApiServer server, string sql) =>
        await server.Db.QueryAsync(sql, r => Enumerable.Range(0, r.FieldCount).ToDictionary(
            r.GetName,
            i => r.IsDBNull(i) ? null : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture)));

    private static string WithoutTraceId(JsonElement problem)
    {
        var node = JsonNode.Parse(problem.GetRawText())!.AsObject();
        node.Remove("traceId");
        return node.ToJsonString();
    }

    /// <summary>
    /// Counters live in fixed windows aligned to the clock; when the current one ends within
    /// <paramref name="margin"/>, waits for the next so a test's requests all land in one window.
    /// </summary>
    private static async Task AvoidWindowEndAsync(TimeSpan window, TimeSpan margin)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var left = window.TotalMilliseconds - (now % (long)window.TotalMilliseconds);
        if (left < margin.TotalMilliseconds)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(left + 1000), Ct);
        }
    }
}
