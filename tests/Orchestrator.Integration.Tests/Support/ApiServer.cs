using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Hosting;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.Migrations;

namespace Orchestrator.Integration.Tests.Support;

/// <summary>
/// The real server, in process, on a free loopback port, over its own fresh database: the full middleware
/// (authentication, quotas, usage, problem details) and Kestrel's limits, as a client meets them.
/// </summary>
public sealed class ApiServer : IAsyncDisposable
{
    private ApiServer(WebApplication app, TestDatabase db, bool ownsDatabase)
    {
        App = app;
        Db = db;
        _ownsDatabase = ownsDatabase;
        BaseAddress = new Uri(app.Urls.First());
    }

    private readonly bool _ownsDatabase;

    public WebApplication App { get; }

    public TestDatabase Db { get; }

    public Uri BaseAddress { get; }

    /// <summary>Starts a server; extra switches are configuration (e.g. <c>--Security:AnonymousRequestsPerHour=5</c>).</summary>
    public static async Task<ApiServer> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, params string[] switches) =>
        await StartAsync(await TestDatabase.CreateAsync(provider), ownsDatabase: true, switches);

    /// <summary>Starts a server on an existing database (several servers may share one).</summary>
    public static Task<ApiServer> StartAsync(TestDatabase db, bool ownsDatabase, params string[] switches) => StartAsync(db, ownsDatabase, null, switches);

    /// <summary>Starts a server with extra services registered after the application's own (a test's strategy template, say).</summary>
    public static async Task<ApiServer> StartAsync(TestDatabase db, bool ownsDatabase, Action<IServiceCollection>? services, params string[] switches)
    {
        var app = OrchestratorServer.Build(["--urls=http://127.0.0.1:0", .. db.Switches, .. switches], services: services);
        await app.Services.GetRequiredService<Migrator>().MigrateAsync();
        await app.StartAsync();
        return new ApiServer(app, db, ownsDatabase);
    }

    public HttpClient Client(string? bearer = null, string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-API-Key", apiKey);
        }

        return client;
    }

    /// <summary>Registers a user and logs in; returns the user's id and tokens.</summary>
    public async Task<TestUser> RegisterAndLoginAsync(string email, string password = "correct horse battery staple")
    {
        using var client = Client();
        var registered = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password, firstName = "Test", lastName = "User" });
        Assert.Equal(System.Net.HttpStatusCode.Created, registered.StatusCode);
        var userId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetGuid();
        var tokens = await LoginAsync(email, password);
        return new TestUser(userId, email, password, tokens.AccessToken, tokens.RefreshToken);
    }

    public async Task<(string AccessToken, string RefreshToken)> LoginAsync(string email, string password)
    {
        using var client = Client();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);
    }

    /// <summary>Creates an API key for a logged-in user; <paramref name="body"/> is the request's JSON object.</summary>
    public async Task<(Guid Id, string Key)> CreateKeyAsync(TestUser user, object body)
    {
        using var client = Client(bearer: user.AccessToken);
        var response = await client.PostAsJsonAsync("/api/v1/api-keys", body);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("apiKeyId").GetGuid(), created.GetProperty("key").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (_ownsDatabase)
        {
            await Db.DisposeAsync();
        }
    }
}

public sealed record TestUser(Guid UserId, string Email, string Password, string AccessToken, string RefreshToken);
