using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Security;
using Orchestrator.Server.Validation;

namespace Orchestrator.Server.Auth;

/// <summary>
/// <c>/api/v1/auth</c>: register, verify, login, refresh (anonymous) and logout, logout-all (a session).
/// </summary>
public static class AuthEndpoints
{
    public sealed record VerifyRequest(string? Token);

    public sealed record LogoutAllResponse(int RevokedSessions);

    public static IEndpointRouteBuilder MapAuthApiV1(this IEndpointRouteBuilder app)
    {
        var anonymous = app.MapGroup(ServerDefaults.ApiPrefix + "/auth").WithTags("Auth").AllowAnonymous();
        anonymous.MapPost("/register", RegisterAsync).WithName("Register").WithSummary("Create an account; a verification link is emailed");
        anonymous.MapPost("/verify", (VerifyRequest body, EmailVerification verification, HttpContext http, CancellationToken ct) => VerifyAsync(body.Token, verification, http, ct))
            .WithName("VerifyEmail").WithSummary("Verify an email address with the token from the link");
        anonymous.MapGet("/verify", (string? token, EmailVerification verification, HttpContext http, CancellationToken ct) => VerifyAsync(token, verification, http, ct))
            .WithName("VerifyEmailLink").WithSummary("The verification link itself");
        anonymous.MapPost("/login", LoginAsync).WithName("Login").WithSummary("Exchange email and password for session tokens");
        anonymous.MapPost("/refresh", RefreshAsync).WithName("Refresh").WithSummary("Rotate a refresh token into new session tokens");

        var session = app.MapGroup(ServerDefaults.ApiPrefix + "/auth").WithTags("Auth")
            .RequireAuthorization(ApiAccessRequirement.PolicyName).WithMetadata(new SessionOnlyAttribute());
        session.MapPost("/logout", LogoutAsync).WithName("Logout").WithSummary("End this session");
        session.MapPost("/logout-all", LogoutAllAsync).WithName("LogoutAll").WithSummary("End every session of this user");
        return app;
    }

    private static async Task<Results<Created<RegisterResponse>, ProblemHttpResult>> RegisterAsync(
        RegisterRequest body, Registration registration, HttpContext http, CancellationToken ct)
    {
        var outcome = await registration.RegisterAsync(body, HttpActor.From(http), ct);
        if (outcome.Errors is { } errors)
        {
            return errors.ToProblem();
        }

        if (outcome.EmailTaken)
        {
            return ApiProblems.Conflict("An account with this email already exists.");
        }

        return TypedResults.Created($"{ServerDefaults.ApiPrefix}/me", new RegisterResponse(outcome.User!.UserId));
    }

    private static async Task<Results<Ok<VerifiedResponse>, ProblemHttpResult>> VerifyAsync(
        string? token, EmailVerification verification, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return new ValidationErrors().Add("token", "is required.").ToProblem();
        }

        return await verification.VerifyAsync(token, HttpActor.From(http), ct)
            ? TypedResults.Ok(new VerifiedResponse(true))
            : ApiProblems.Problem(StatusCodes.Status400BadRequest, "Invalid token", "invalid-token", "This verification link is unknown, already used or expired.");
    }

    public sealed record VerifiedResponse(bool Verified);

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> LoginAsync(
        LoginRequest body, SessionService sessions, HttpContext http, CancellationToken ct)
    {
        // A missing email or password is a malformed request, told apart from a wrong one without looking anything up:
        // the answer depends on the body alone, so it says nothing about which accounts exist (and no hash is computed).
        var missing = new ValidationErrors()
            .Check(!string.IsNullOrWhiteSpace(body.Email), "email", "is required.")
            .Check(!string.IsNullOrEmpty(body.Password), "password", "is required.");
        if (missing.Any)
        {
            return missing.ToProblem();
        }

        var result = await sessions.LoginAsync(body, HttpActor.From(http), ct);
        switch (result)
        {
            case SessionService.LoginResult.Success success:
                return TypedResults.Ok(success.Tokens);
            case SessionService.LoginResult.Throttled throttled:
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(throttled.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ApiProblems.Problem(StatusCodes.Status429TooManyRequests, "Too many failed logins", "login-throttled",
                    "Too many failed login attempts; try again later.");
            default:
                return ApiProblems.Unauthorized("Invalid email or password.");
        }
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> RefreshAsync(
        RefreshRequest body, SessionService sessions, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.RefreshToken))
        {
            return new ValidationErrors().Add("refreshToken", "is required.").ToProblem();
        }

        var tokens = await sessions.RefreshAsync(body.RefreshToken, HttpActor.From(http), ct);
        return tokens is null
            ? ApiProblems.Unauthorized("This refresh token is invalid, expired or already used.")
            : TypedResults.Ok(tokens);
    }

    private static async Task<NoContent> LogoutAsync(SessionService sessions, HttpContext http, CancellationToken ct)
    {
        var caller = Caller.Required(http);
        await sessions.LogoutAsync(caller.UserId, caller.SessionId!.Value, HttpActor.From(http), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<LogoutAllResponse>> LogoutAllAsync(SessionService sessions, HttpContext http, CancellationToken ct)
    {
        var caller = Caller.Required(http);
        var revoked = await sessions.LogoutEverywhereAsync(caller.UserId, HttpActor.From(http), "LOGOUT_ALL", ct);
        return TypedResults.Ok(new LogoutAllResponse(revoked));
    }
}
