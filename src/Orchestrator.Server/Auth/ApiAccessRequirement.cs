using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Orchestrator.Server.Security;

namespace Orchestrator.Server.Auth;

/// <summary>Marks an endpoint that only a logged-in user may call, never an API key (key management, profile).</summary>
public sealed class SessionOnlyAttribute : Attribute;

/// <summary>Marks an endpoint that places or changes orders: API keys need <c>can_trade</c>.</summary>
public sealed class RequiresTradeAttribute : Attribute;

/// <summary>The policy every authenticated API route carries.</summary>
public sealed class ApiAccessRequirement : IAuthorizationRequirement
{
    public const string PolicyName = "Api";
}

/// <summary>
/// The permission checks of an API request, in one place: API-key restrictions (IP, endpoint), session-only
/// endpoints, and the key's permission for the request: <c>can_read</c> for GET and HEAD, <c>can_write</c>
/// for every other method, <c>can_trade</c> where the endpoint is marked <see cref="RequiresTradeAttribute"/>.
/// </summary>
public sealed class ApiAccessHandler : AuthorizationHandler<ApiAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiAccessRequirement requirement)
    {
        if (context.Resource is not HttpContext http || Caller.Of(http) is not { } caller)
        {
            return Task.CompletedTask;
        }

        var reason = Refusal(caller, http);
        if (reason is null)
        {
            context.Succeed(requirement);
        }
        else
        {
            http.Items[CredentialAuthenticationHandler.ForbiddenReasonKey] = reason;
            context.Fail(new AuthorizationFailureReason(this, reason));
        }

        return Task.CompletedTask;
    }

    private static string? Refusal(Caller caller, HttpContext http)
    {
        if (caller.RestrictionViolation is { } violation)
        {
            return violation;
        }

        var endpoint = http.GetEndpoint();
        if (caller.IsApiKey && endpoint?.Metadata.GetMetadata<SessionOnlyAttribute>() is not null)
        {
            return "This endpoint needs a logged-in user session; API keys may not call it.";
        }

        var needed = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) ? ApiPermissions.Read : ApiPermissions.Write;
        if (endpoint?.Metadata.GetMetadata<RequiresTradeAttribute>() is not null)
        {
            needed |= ApiPermissions.Trade;
        }

        var missing = needed & ~caller.Permissions;
        return missing == ApiPermissions.None
            ? null
            : $"This API key lacks the {string.Join(" and ", Enum.GetValues<ApiPermissions>().Where(p => p is ApiPermissions.Read or ApiPermissions.Write or ApiPermissions.Trade && missing.HasFlag(p)).Select(p => "can_" + p.ToString().ToLowerInvariant()))} permission.";
    }
}
