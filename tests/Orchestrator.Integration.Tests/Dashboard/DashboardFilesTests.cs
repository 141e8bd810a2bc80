using System.Net;
using System.Text.RegularExpressions;
using Orchestrator.Integration.Tests.Support;

namespace Orchestrator.Integration.Tests.Dashboard;

/// <summary>The dashboard's files at <c>/</c>: embedded in the server, with their content types and a strict CSP; the API keeps its own headers.</summary>
public sealed partial class DashboardFilesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Policy(ApiServer server) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        $"connect-src 'self' ws://{server.BaseAddress.Authority} wss://{server.BaseAddress.Authority}; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    [Fact]
    public async Task Root_serves_the_dashboard_html_with_a_strict_content_security_policy()
    {
        await using var server = await ApiServer.StartAsync();
        using var client = server.Client();

        var response = await client.GetAsync("/", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(Policy(server), response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<form id=\"login-form\"", html, StringComparison.Ordinal);
        Assert.Contains("<script type=\"module\" src=\"js/main.js\"></script>", html, StringComparison.Ordinal);
        // No inline script, style or handler the CSP would refuse: every <script> has a src.
        Assert.All(ScriptTag().Matches(html), tag => Assert.Contains(" src=\"", tag.Value, StringComparison.Ordinal));
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(InlineHandler(), html);
    }

    [Theory]
    [InlineData("/index.html", "text/html; charset=utf-8")]
    [InlineData("/js/main.js", "text/javascript; charset=utf-8")]
    [InlineData("/js/api.js", "text/javascript; charset=utf-8")]
    [InlineData("/css/dashboard.css", "text/css; charset=utf-8")]
    [InlineData("/lib/lightweight-charts/lightweight-charts.standalone.production.js", "text/javascript; charset=utf-8")]
    public async Task Static_assets_are_served_with_their_content_type_and_the_policy(string path, string contentType)
    {
        await using var server = await ApiServer.StartAsync();
        using var client = server.Client();

        var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.ToString());
        Assert.Equal(Policy(server), response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("no-cache", response.Headers.CacheControl!.ToString());
        // The bytes are the repository's file: the embedded copy is what was built from wwwroot/.
        var onDisk = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Root, "src", "Orchestrator.Server", "wwwroot", path.TrimStart('/')), Ct);
        Assert.Equal(onDisk, await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Unknown_files_and_unlisted_types_are_404()
    {
        await using var server = await ApiServer.StartAsync();
        using var client = server.Client();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/js/nope.js", Ct)).StatusCode);
        // The licence has no extension, so no listed content type: it is in the repository, not served.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/lib/lightweight-charts/LICENSE", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_api_keeps_its_headers_and_carries_no_dashboard_policy()
    {
        await using var server = await ApiServer.StartAsync();
        using var client = server.Client();

        var response = await client.GetAsync("/api/v1/accounts", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public void The_dashboards_scripts_never_assign_markup()
    {
        // Every string from the API reaches the page as text (textContent, text nodes); markup assignment is how an
        // order's symbol or an alert's message would become script. The vendored chart library is not ours to check.
        var scripts = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src", "Orchestrator.Server", "wwwroot", "js"), "*.js");
        Assert.NotEmpty(scripts);
        Assert.All(scripts, file => Assert.DoesNotMatch(MarkupSink(), File.ReadAllText(file)));
    }

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    [GeneratedRegex(@"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function")]
    private static partial Regex MarkupSink();
}
