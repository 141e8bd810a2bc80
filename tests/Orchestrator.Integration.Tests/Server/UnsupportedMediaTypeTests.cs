using System.Net;
using System.Text;
using Orchestrator.Integration.Tests.Support;

namespace Orchestrator.Integration.Tests.Server;

/// <summary>A JSON endpoint sent a body of another type (curl's default form encoding, say): 415, never a 405 for an allowed method.</summary>
public sealed class UnsupportedMediaTypeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("POST", "/api/v1/orders")]
    [InlineData("POST", "/api/v1/accounts")]
    [InlineData("PUT", "/api/v1/risk/state")]
    [InlineData("POST", "/api/v1/auth/login")]
    public async Task A_form_encoded_body_is_a_415_saying_the_body_must_be_json_and_changes_nothing(string method, string path)
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("trader@example.com");
        using var client = server.Client(bearer: user.AccessToken);

        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new StringContent("state=HALTED&email=trader%40example.com&password=x", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        var response = await client.SendAsync(request, Ct);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        Assert.Equal("The request body must be application/json (Content-Type header); it was sent as application/x-www-form-urlencoded; charset=utf-8.",
            problem.GetProperty("detail").GetString());
        Assert.Empty(response.Content.Headers.Allow);
        Assert.Equal(0L, await server.Db.ScalarAsync<long>("SELECT COUNT(*) FROM user_broker_accounts"));
        Assert.Equal(0L, await server.Db.ScalarAsync<long>("SELECT COUNT(*) FROM orders"));
        Assert.Equal("ACTIVE", await server.Db.ScalarAsync<string>($"SELECT trading_state FROM users WHERE user_id = '{user.UserId}'"));
        // One session: the registration's login, none from the form.
        Assert.Equal(1L, await server.Db.ScalarAsync<long>("SELECT COUNT(*) FROM user_sessions"));
    }

    [Fact]
    public async Task A_body_without_a_content_type_is_a_415_too_and_a_wrong_method_is_still_a_405()
    {
        await using var server = await ApiServer.StartAsync();
        using var client = server.Client(bearer: (await server.RegisterAndLoginAsync("trader@example.com")).AccessToken);

        using var bare = new ByteArrayContent("{}"u8.ToArray());
        var problem = await Problems.AssertProblemAsync(await client.PostAsync("/api/v1/orders", bare, Ct), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        Assert.Equal("The request body must be application/json (Content-Type header); it was sent without one.", problem.GetProperty("detail").GetString());

        var wrongMethod = await client.PatchAsync("/api/v1/orders", new StringContent("{}", Encoding.UTF8, "application/json"), Ct);
        var notAllowed = await Problems.AssertProblemAsync(wrongMethod, HttpStatusCode.MethodNotAllowed, "method-not-allowed");
        Assert.Equal("/api/v1/orders accepts GET, POST, not PATCH.", notAllowed.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Without_credentials_a_protected_route_answers_401_before_judging_the_body_or_the_method()
    {
        await using var server = await ApiServer.StartAsync();
        using var anonymous = server.Client();

        // A form body on a route that needs credentials: 401 (as with a JSON body), not 415.
        using var form = new StringContent("symbol=ACME&quantity=1", Encoding.UTF8, "application/x-www-form-urlencoded");
        await Problems.AssertProblemAsync(await anonymous.PostAsync("/api/v1/orders", form, Ct), HttpStatusCode.Unauthorized, "unauthorized");
        var wrongMethod = await anonymous.PatchAsync("/api/v1/orders", new StringContent("{}", Encoding.UTF8, "application/json"), Ct);
        await Problems.AssertProblemAsync(wrongMethod, HttpStatusCode.Unauthorized, "unauthorized");

        // Login needs no credentials: there the body is what is wrong.
        using var loginForm = new StringContent("email=a%40b.c&password=x", Encoding.UTF8, "application/x-www-form-urlencoded");
        await Problems.AssertProblemAsync(await anonymous.PostAsync("/api/v1/auth/login", loginForm, Ct), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        Assert.Equal(0L, await server.Db.ScalarAsync<long>("SELECT COUNT(*) FROM orders"));
    }
}
