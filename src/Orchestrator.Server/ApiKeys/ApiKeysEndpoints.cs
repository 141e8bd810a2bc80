using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Security;
using Orchestrator.Server.Validation;

namespace Orchestrator.Server.ApiKeys;

/// <summary>
/// <c>/api/v1/api-keys</c>. Managing keys needs a logged-in session: a key that could mint keys could
/// grant itself permissions it was never given.
/// </summary>
public static class ApiKeysEndpoints
{
    public static IEndpointRouteBuilder MapApiKeysApiV1(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup(ServerDefaults.ApiPrefix + "/api-keys").WithTags("API keys")
            .RequireAuthorization(ApiAccessRequirement.PolicyName).WithMetadata(new SessionOnlyAttribute());
        keys.MapPost("/", CreateAsync).WithName("CreateApiKey").WithSummary("Create a key; the full key is in this response only");
        keys.MapGet("/", ListAsync).WithName("ListApiKeys").WithSummary("The caller's keys (prefixes, never the keys)");
        keys.MapGet("/{id:guid}", GetAsync).WithName("GetApiKey").WithSummary("One of the caller's keys");
        keys.MapDelete("/{id:guid}", RevokeAsync).WithName("RevokeApiKey").WithSummary("Revoke a key at once");
        return app;
    }

    private static async Task<Results<Created<CreatedApiKey>, ProblemHttpResult>> CreateAsync(
        CreateApiKeyRequest body, ApiKeyService keys, HttpContext http, CancellationToken ct)
    {
        var outcome = await keys.CreateAsync(Caller.Required(http).UserId, body, HttpActor.From(http), ct);
        if (outcome.Errors is { } errors)
        {
            return errors.ToProblem();
        }

        return outcome.NameTaken
            ? ApiProblems.Conflict("You already have an API key with this name.")
            : TypedResults.Created($"{ServerDefaults.ApiPrefix}/api-keys/{outcome.Key!.ApiKeyId}", outcome.Key);
    }

    private static async Task<Ok<IReadOnlyList<ApiKeyView>>> ListAsync(ApiKeyService keys, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await keys.ListAsync(Caller.Required(http).UserId, ct));

    private static async Task<Results<Ok<ApiKeyView>, ProblemHttpResult>> GetAsync(Guid id, ApiKeyService keys, HttpContext http, CancellationToken ct) =>
        await keys.GetAsync(Caller.Required(http).UserId, id, ct) is { } key ? TypedResults.Ok(key) : ApiProblems.NotFound("This API key");

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(Guid id, ApiKeyService keys, HttpContext http, CancellationToken ct) =>
        await keys.RevokeAsync(Caller.Required(http).UserId, id, HttpActor.From(http), ct) ? TypedResults.NoContent() : ApiProblems.NotFound("This API key");
}
