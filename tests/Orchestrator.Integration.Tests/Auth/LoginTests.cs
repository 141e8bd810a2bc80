using System.Net;
using System.Text;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Server.Security;

namespace Orchestrator.Integration.Tests.Auth;

/// <summary>Login bodies that lack an email or a password: a 422 naming the field, never a 500, and nothing recorded.</summary>
public sealed class LoginTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("{}", new[] { "email", "password" })]
    [InlineData("""{"email":"bob@example.com"}""", new[] { "password" })]
    [InlineData("""{"email":"bob@example.com","password":null}""", new[] { "password" })]
    [InlineData("""{"email":"","password":""}""", new[] { "email", "password" })]
    [InlineData("""{"password":"correct horse battery staple"}""", new[] { "email" })]
    public async Task A_login_without_email_or_password_is_a_422_naming_each_missing_field(string body, string[] fields)
    {
        await using var server = await ApiServer.StartAsync();
        // A real account, so a missing password cannot be mistaken for an unknown email.
        await server.RegisterAndLoginAsync("bob@example.com");
        using var anonymous = server.Client();

        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var problem = await Problems.AssertProblemAsync(await anonymous.PostAsync("/api/v1/auth/login", content, Ct), HttpStatusCode.UnprocessableEntity, "validation");

        Assert.Equal(fields, problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.All(fields, f => Assert.Equal("is required.", problem.GetProperty("errors").GetProperty(f)[0].GetString()));
        // Not a failed login: no audit row, and (the registration's own login aside) no session.
        Assert.Equal(0L, await server.Db.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'LOGIN_FAILED'"));
        Assert.Equal(1L, await server.Db.ScalarAsync<long>("SELECT COUNT(*) FROM user_sessions"));
    }

    [Fact]
    public void An_empty_password_does_not_verify_and_does_not_throw()
    {
        // Small parameters: the behaviour, not the cost, is under test.
        var hasher = new PasswordHasher(memoryKiB: 1024, iterations: 1);
        var hash = hasher.Hash("correct horse battery staple");

        Assert.False(hasher.Verify("", hash));
        hasher.VerifyNothing("");
        Assert.True(hasher.Verify("correct horse battery staple", hash));
    }
}
