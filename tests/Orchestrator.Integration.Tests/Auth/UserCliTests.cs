using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Storage.Configuration;

namespace Orchestrator.Integration.Tests.Auth;

/// <summary><c>orchestrator users</c> and <c>orchestrator api-keys</c>, run as a real process.</summary>
public sealed partial class UserCliTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Users_create_list_and_disable()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var created = await CliRunner.RunWithInputAsync(Password, ["users", "create", "--email", "Ops@Example.com", "--first-name", "Ada", "--last-name", "Lovelace", "--password-stdin", .. db.Switches]);
        Assert.Equal(0, created.ExitCode);
        Assert.Matches(@"^Created user [0-9a-f-]{36} \(ops@example.com\)\.$", created.StandardOutput.Trim());

        var list = await CliRunner.RunAsync(["users", "list", .. db.Switches]);
        Assert.Equal(0, list.ExitCode);
        Assert.Matches(@"ops@example\.com\s+│\s+Ada Lovelace\s+│\s+no\s+│\s+active", list.StandardOutput);

        var disabled = await CliRunner.RunAsync(["users", "disable", "ops@example.com", .. db.Switches]);
        Assert.Equal(0, disabled.ExitCode);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT COUNT(*) FROM users WHERE is_active = 1"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'USER_DISABLED' AND user_agent LIKE 'orchestrator-cli%'"));
        Assert.Matches(@"ops@example\.com.*│\s+disabled", (await CliRunner.RunAsync(["users", "list", .. db.Switches])).StandardOutput);
    }

    [Fact]
    public async Task Bad_input_names_the_field_and_exits_2_changing_nothing()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var weak = await CliRunner.RunWithInputAsync("short", ["users", "create", "--email", "a@example.com", "--first-name", "A", "--last-name", "B", "--password-stdin", .. db.Switches]);
        Assert.Equal(2, weak.ExitCode);
        Assert.Equal("orchestrator: password: must be at least 12 characters long.", weak.StandardError.Trim());

        var badEmail = await CliRunner.RunWithInputAsync(Password, ["users", "create", "--email", "not-an-email", "--first-name", "A", "--last-name", "B", "--password-stdin", .. db.Switches]);
        Assert.Equal(2, badEmail.ExitCode);
        Assert.StartsWith("orchestrator: --email:", badEmail.StandardError.Trim(), StringComparison.Ordinal);

        // No --password-stdin and no terminal to prompt on: Spectre's prompt once crashed with a stack trace (exit 1).
        var noTerminal = await CliRunner.RunAsync(["users", "create", "--email", "a@example.com", "--first-name", "A", "--last-name", "B", .. db.Switches]);
        Assert.Equal((2, "orchestrator: password: a password is needed and there is no terminal to prompt for it; pipe it in with --password-stdin"),
            (noTerminal.ExitCode, noTerminal.StandardError.Trim()));

        var unknown = await CliRunner.RunAsync(["users", "disable", "nobody@example.com", .. db.Switches]);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal("orchestrator: EMAIL: no user 'nobody@example.com'.", unknown.StandardError.Trim());

        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT COUNT(*) FROM users"));
    }

    [Fact]
    public async Task Api_keys_create_list_and_revoke_for_a_user()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await CliRunner.RunWithInputAsync(Password, ["users", "create", "--email", "bot@example.com", "--first-name", "B", "--last-name", "O", "--password-stdin", .. db.Switches]);

        var created = await CliRunner.RunAsync(["api-keys", "create", "--email", "bot@example.com", "--name", "ci", "--write", "--rate-limit", "60", "--allowed-ip", "10.0.0.0/8", "--allowed-endpoint", "GET /api/v1/me", .. db.Switches]);
        Assert.Equal(0, created.ExitCode);
        var lines = created.StandardOutput.Trim().Split('\n');
        var id = KeyId().Match(lines[0]).Groups[1].Value;
        Assert.Matches(@"^dto_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$", lines[1].Trim());
        Assert.Equal($"{lines[1].Trim()[..12]}", await db.ScalarAsync<string>("SELECT api_key_prefix FROM user_api_keys"));
        Assert.Equal("""["10.0.0.0/8"]""", await db.ScalarAsync<string>("SELECT allowed_ips FROM user_api_keys"));
        Assert.Equal(60L, await db.ScalarAsync<long>("SELECT rate_limit_per_hour FROM user_api_keys"));

        var list = await CliRunner.RunAsync(["api-keys", "list", "--email", "bot@example.com", .. db.Switches]);
        Assert.Matches($@"{id}\s+│\s+ci\s+│\s+dto_\w+\s+│\s+read,write\s+│\s+60\s+│\s+active", list.StandardOutput);

        var revoked = await CliRunner.RunAsync(["api-keys", "revoke", "--email", "bot@example.com", id, .. db.Switches]);
        Assert.Equal(0, revoked.ExitCode);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT COUNT(*) FROM user_api_keys WHERE is_active = 1"));

        var badRange = await CliRunner.RunAsync(["api-keys", "create", "--email", "bot@example.com", "--name", "x", "--allowed-ip", "10.0.0.0/99", .. db.Switches]);
        Assert.Equal(2, badRange.ExitCode);
        Assert.StartsWith("orchestrator: allowedIps:", badRange.StandardError.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_verify_link_from_the_cli_verifies_the_user_once()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("verify@example.com");

        var link = await CliRunner.RunAsync(["users", "verify-link", "verify@example.com", .. server.Db.Switches]);
        Assert.Equal(0, link.ExitCode);
        var url = new Uri(link.StandardOutput.Trim());
        Assert.Equal("/api/v1/auth/verify", url.AbsolutePath);
        var token = Uri.UnescapeDataString(url.Query["?token=".Length..]);
        // Only the token's hash is stored.
        Assert.DoesNotContain(token, await server.Db.ScalarAsync<string>($"SELECT verification_token FROM users WHERE user_id = '{user.UserId}'"), StringComparison.Ordinal);

        using var client = server.Client();
        var first = await client.GetAsync($"/api/v1/auth/verify?token={Uri.EscapeDataString(token)}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var me = server.Client(bearer: user.AccessToken);
        Assert.True((await me.GetFromJsonAsync<JsonElement>("/api/v1/me", TestContext.Current.CancellationToken)).GetProperty("isVerified").GetBoolean());

        var again = await client.PostAsJsonAsync("/api/v1/auth/verify", new { token }, TestContext.Current.CancellationToken);
        await Problems.AssertProblemAsync(again, HttpStatusCode.BadRequest, "invalid-token");

        var verified = await CliRunner.RunAsync(["users", "verify-link", "verify@example.com", .. server.Db.Switches]);
        Assert.Equal(2, verified.ExitCode);
    }

    [Fact]
    public async Task An_expired_verification_token_is_refused()
    {
        await using var server = await ApiServer.StartAsync();
        await server.RegisterAndLoginAsync("late@example.com");
        var link = await CliRunner.RunAsync(["users", "verify-link", "late@example.com", .. server.Db.Switches]);
        var token = Uri.UnescapeDataString(new Uri(link.StandardOutput.Trim()).Query["?token=".Length..]);
        await server.Db.ExecuteAsync("UPDATE users SET verification_expires = '2020-01-01 00:00:00'");

        using var client = server.Client();
        var response = await client.PostAsJsonAsync("/api/v1/auth/verify", new { token }, TestContext.Current.CancellationToken);

        await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid-token");
        Assert.Equal(0L, await server.Db.ScalarAsync<long>("SELECT COUNT(*) FROM users WHERE is_verified = 1"));
    }

    [GeneratedRegex(@"^API key ([0-9a-f-]{36}) \(dto_\w{8}\) created\.")]
    private static partial Regex KeyId();
}
