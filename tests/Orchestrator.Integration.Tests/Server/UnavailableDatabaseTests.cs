using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Integration.Tests.Server;

/// <summary>The server stays polite when its database is gone: 503s with a reason, never a stack trace.</summary>
public sealed class UnavailableDatabaseTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private readonly HttpClient _http = new();

    public async ValueTask InitializeAsync()
    {
        // A file under /proc can never be created: the database is unreachable from the first request on.
        _app = OrchestratorServer.Build(["--urls=http://127.0.0.1:0", "--ConnectionStrings:Orchestrator=Data Source=/proc/orchestrator-test/none.db"]);
        await _app.StartAsync();
        _http.BaseAddress = new Uri(_app.Urls.First());
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task An_api_request_answers_503_problem_json_without_internals()
    {
        var response = await _http.PostAsJsonAsync("/api/v1/auth/login", new { email = "a@example.com", password = "whatever it is" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var problem = JsonDocument.Parse(text);
        Assert.Equal("https://orchestrator.dev/problems/database-unavailable", problem.RootElement.GetProperty("type").GetString());
        Assert.Equal("The database cannot be reached; try again shortly.", problem.RootElement.GetProperty("detail").GetString());
        Assert.DoesNotContain("/proc/", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_answers_503_saying_the_database_is_unreachable()
    {
        var response = await _http.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("status").GetString());
        Assert.False(body.RootElement.GetProperty("databaseReachable").GetBoolean());
    }
}
