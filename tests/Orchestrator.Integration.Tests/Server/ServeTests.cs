using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.Migrations;

namespace Orchestrator.Integration.Tests.Server;

/// <summary><c>orchestrator serve</c> as a user starts it: a real process on a fresh SQLite file.</summary>
public sealed class ServeTests : IAsyncLifetime
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private TestDatabase _db = null!;
    private Process _server = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var port = FreePort();
        _http.BaseAddress = new Uri($"http://127.0.0.1:{port}");
        _server = CliRunner.Start(["serve", "--urls", _http.BaseAddress.ToString().TrimEnd('/'), .. _db.Switches]);
        await WaitUntilListeningAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_server.HasExited)
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        _server.Dispose();
        _http.Dispose();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task Health_answers_200_on_a_fresh_sqlite_file()
    {
        var response = await _http.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Sqlite", body.RootElement.GetProperty("provider").GetString());
        Assert.True(body.RootElement.GetProperty("schemaCurrent").GetBoolean());
        Assert.Equal(0, body.RootElement.GetProperty("pendingMigrations").GetInt32());
    }

    [Fact]
    public async Task A_fresh_database_gets_the_synthetic_demo_universe()
    {
        // Five symbols, five trading days of 390 one-minute bars each: 5 x 5 x 390 = 9,750 bars, all on SYNTH.
        Assert.Equal(5L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM market_symbols WHERE exchange = 'SYNTH'"));
        Assert.Equal(9_750L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM market_data_1m"));
    }

    [Fact]
    public async Task No_demo_leaves_a_fresh_database_empty()
    {
        await using var db = await TestDatabase.CreateAsync(Orchestrator.Storage.Configuration.DatabaseProvider.Sqlite);
        var migrated = await CliRunner.RunAsync(["db", "migrate", .. db.Switches]);
        Assert.Equal(0, migrated.ExitCode);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}") };
        using var server = CliRunner.Start(["serve", "--no-demo", "--urls", http.BaseAddress.ToString().TrimEnd('/'), .. db.Switches]);
        try
        {
            await WaitUntilListeningAsync(server, http);
            Assert.Equal(0L, await db.ScalarAsync<long>("SELECT COUNT(*) FROM market_symbols"));
            Assert.Equal(0L, await db.ScalarAsync<long>("SELECT COUNT(*) FROM users")); // no demo user either
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Serve_prints_only_the_demo_banner_on_stdout_and_migrations_and_logs_on_stderr()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}"), Timeout = TimeSpan.FromSeconds(10) };
        using var server = CliRunner.Start(["serve", "--urls", http.BaseAddress.ToString().TrimEnd('/'), .. db.Switches]);
        var stdout = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var stderr = new System.Collections.Concurrent.ConcurrentQueue<string>();
        server.OutputDataReceived += (_, e) => stdout.Enqueue(e.Data ?? "");
        server.ErrorDataReceived += (_, e) => stderr.Enqueue(e.Data ?? "");
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!stderr.Any(l => l.Contains("Now listening on", StringComparison.Ordinal)))
            {
                Assert.False(server.HasExited, string.Join(Environment.NewLine, stderr));
                Assert.True(DateTime.UtcNow < deadline, string.Join(Environment.NewLine, stdout.Concat(stderr)));
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }

            // The banner is the one thing for the user; the migrations and the logger's lines were on stdout too.
            Assert.Contains(stdout, l => l.Contains("demo@orchestrator.local", StringComparison.Ordinal));
            Assert.DoesNotContain(stdout, l => l.StartsWith("Applying ", StringComparison.Ordinal) || l.StartsWith("info:", StringComparison.Ordinal));
            Assert.Contains(stderr, l => l.StartsWith("Applying 20241130_001_initial_schema", StringComparison.Ordinal));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task The_openapi_document_is_valid_json_describing_the_api()
    {
        var response = await _http.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/health", out _));
        Assert.True(paths.TryGetProperty("/api/v1/system/info", out _));
    }

    [Fact]
    public async Task The_api_reference_is_served_at_docs_with_its_script_bundled()
    {
        // /docs redirects to /docs/, whose page loads the bundled Scalar script (no CDN) over our document.
        var response = await _http.GetAsync("/docs", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("\"url\":\"openapi/v1.json\"", page, StringComparison.Ordinal);
        Assert.Contains("<script src=\"scalar.js\"></script>", page, StringComparison.Ordinal);
        var script = await _http.GetAsync("/docs/scalar.js", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task An_unknown_api_route_answers_404_problem_json()
    {
        var response = await _http.GetAsync("/api/v1/no-such-thing", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("https://orchestrator.dev/problems/not-found", problem.RootElement.GetProperty("type").GetString());
        Assert.Equal("/api/v1/no-such-thing", problem.RootElement.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task A_path_outside_the_api_answers_404_problem_json_too()
    {
        var response = await _http.GetAsync("/no-such-page", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("https://orchestrator.dev/problems/not-found", problem.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task System_info_needs_credentials_and_lists_the_applied_migrations()
    {
        var anonymous = await _http.GetAsync("/api/v1/system/info", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        const string password = "correct horse battery staple";
        await _http.PostAsJsonAsync("/api/v1/auth/register", new { email = "info@example.com", password, firstName = "I", lastName = "N" }, TestContext.Current.CancellationToken);
        var login = await (await _http.PostAsJsonAsync("/api/v1/auth/login", new { email = "info@example.com", password }, TestContext.Current.CancellationToken))
            .Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/system/info");
        request.Headers.Authorization = new("Bearer", login.GetProperty("accessToken").GetString());
        var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var migrations = body.RootElement.GetProperty("migrations").EnumerateArray().ToList();
        Assert.Equal(MigrationCatalog.For(DatabaseProvider.Sqlite).Count, migrations.Count);
        Assert.All(migrations, m => Assert.Equal("applied", m.GetProperty("state").GetString()));
    }

    private Task WaitUntilListeningAsync() => WaitUntilListeningAsync(_server, _http);

    private static async Task WaitUntilListeningAsync(Process server, HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"serve exited with {server.ExitCode}: {await server.StandardError.ReadToEndAsync()}");
            }

            try
            {
                using var response = await http.GetAsync("/health");
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        throw new TimeoutException("serve did not start listening within 60 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
