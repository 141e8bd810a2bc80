using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Orchestrator.Server.Hosting;

/// <summary>
/// Every error the API returns is RFC 9457 problem details (<c>application/problem+json</c>) with a stable
/// <c>type</c> per kind; unhandled exceptions become a generic 500 without a stack trace.
/// </summary>
public static class ProblemDetailsSetup
{
    public const string TypeBase = "https://orchestrator.dev/problems/";

    public static IServiceCollection AddOrchestratorProblemDetails(this IServiceCollection services) =>
        services
            // Outside Development a parameter that fails to bind is answered with a bare 400 naming nothing; thrown, it
            // reaches BadRequestHandler, which names the field.
            .Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true)
            .AddExceptionHandler<DatabaseUnavailableHandler>().AddExceptionHandler<BadRequestHandler>().AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            // Our own stable type per kind of error, in place of the framework's generic RFC links.
            if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
            {
                problem.Type = problem.Status switch
                {
                    StatusCodes.Status400BadRequest => TypeBase + "bad-request",
                    StatusCodes.Status401Unauthorized => TypeBase + "unauthorized",
                    StatusCodes.Status403Forbidden => TypeBase + "forbidden",
                    StatusCodes.Status404NotFound => TypeBase + "not-found",
                    StatusCodes.Status405MethodNotAllowed => TypeBase + "method-not-allowed",
                    StatusCodes.Status409Conflict => TypeBase + "conflict",
                    StatusCodes.Status413PayloadTooLarge => TypeBase + "payload-too-large",
                    StatusCodes.Status415UnsupportedMediaType => TypeBase + "unsupported-media-type",
                    StatusCodes.Status422UnprocessableEntity => TypeBase + "validation",
                    StatusCodes.Status429TooManyRequests => TypeBase + "rate-limited",
                    >= 500 => TypeBase + "internal-error",
                    _ => problem.Type,
                };
            }

            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });

    public static WebApplication UseOrchestratorProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>
    /// Any request under /api/v1 that no endpoint claims is a problem, not an empty response: 401 when the path
    /// exists but needs credentials the caller did not send, 415 when the path and method exist but take another body
    /// type, 405 (with <c>Allow</c>) when the path exists for other methods, else 404.
    /// </summary>
    public static WebApplication MapApiNotFoundFallback(this WebApplication app)
    {
        var routes = new ApiRouteIndex(
            app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>(),
            app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.IInlineConstraintResolver>());
        app.MapFallback(ServerDefaults.ApiPrefix + "/{**path}", IResult (HttpContext context) =>
            {
                // The route this request was meant for would have asked for credentials first.
                if (context.User.Identity?.IsAuthenticated != true && routes.RequiresCredentials(context))
                {
                    return TypedResults.Challenge();
                }

                // Routing passes over an endpoint whose body type (Accepts) the request's Content-Type does not match, and
                // this fallback, which accepts anything, then wins: the method is allowed, the body is what is wrong.
                var contentTypes = routes.ContentTypesFor(context);
                if (contentTypes.Count > 0)
                {
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status415UnsupportedMediaType,
                        title: "Unsupported media type",
                        detail: RequestProblem.UnsupportedMediaType(contentTypes, context.Request.ContentType),
                        type: TypeBase + "unsupported-media-type");
                }

                var allowed = routes.MethodsFor(context);
                if (allowed.Count > 0)
                {
                    context.Response.Headers.Allow = string.Join(", ", allowed);
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status405MethodNotAllowed,
                        title: "Method not allowed",
                        detail: $"{context.Request.Path} accepts {string.Join(", ", allowed)}, not {context.Request.Method}.",
                        type: TypeBase + "method-not-allowed");
                }

                return TypedResults.Problem(
                    statusCode: StatusCodes.Status404NotFound,
                    title: "Not found",
                    detail: $"No API route matches {context.Request.Method} {context.Request.Path}.",
                    type: TypeBase + "not-found");
            })
            .ExcludeFromDescription();
        return app;
    }
}
