using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Security;

namespace Orchestrator.Server.Auth;

/// <summary>
/// The one authentication scheme of the API: <c>X-API-Key: &lt;key&gt;</c> or
/// <c>Authorization: Bearer &lt;session token&gt;</c> (on the stream's upgrade also the subprotocol
/// <c>bearer.&lt;session token&gt;</c>, for browsers: <see cref="WebSocketBearerProtocol"/>). Challenges (401) and refusals (403) are answered as
/// problem details that say what is wrong without saying which part of a credential was.
/// </summary>
public sealed class CredentialAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Credentials";
    public const string ApiKeyHeader = "X-API-Key";
    public const string ForbiddenReasonKey = "orchestrator.forbidden-reason";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var resolver = Context.RequestServices.GetRequiredService<CallerResolver>();
        Caller? caller;
        if (Request.Headers.TryGetValue(ApiKeyHeader, out var keyValues))
        {
            caller = await resolver.FromApiKeyAsync(keyValues.ToString(), Context, Context.RequestAborted);
        }
        else if (Request.Headers.Authorization.ToString() is { } authorization && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            caller = await resolver.FromSessionTokenAsync(authorization["Bearer ".Length..].Trim(), Context.RequestAborted);
        }
        else if (WebSocketBearerProtocol.Token(Request) is { } streamToken)
        {
            caller = await resolver.FromSessionTokenAsync(streamToken, Context.RequestAborted);
        }
        else
        {
            return AuthenticateResult.NoResult();
        }

        if (caller is null)
        {
            return AuthenticateResult.Fail("invalid credentials");
        }

        caller.Attach(Context);
        return AuthenticateResult.Success(new AuthenticationTicket(caller.ToPrincipal(SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized", "unauthorized",
            "Send a valid session token (Authorization: Bearer ...) or API key (X-API-Key: ...); it is missing, expired or revoked.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", "forbidden",
            Context.Items[ForbiddenReasonKey] as string ?? "These credentials may not do this.");

    private async Task WriteProblemAsync(int status, string title, string type, string detail)
    {
        Response.StatusCode = status;
        var problems = Context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail, Type = ProblemDetailsSetup.TypeBase + type },
        });
    }
}
