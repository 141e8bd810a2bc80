using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace Orchestrator.Server.Hosting;

/// <summary>
/// Which HTTP methods the API's routes accept for a path (to tell 405 from 404), and which body types (to tell 415).
/// A path matches a route only if its values also pass the route's constraints: <c>/api-keys/not-a-guid</c> is no
/// <c>/api-keys/{id:guid}</c>.
/// </summary>
internal sealed class ApiRouteIndex(EndpointDataSource endpoints, IInlineConstraintResolver constraints)
{
    private sealed record Route(
        TemplateMatcher Matcher, IReadOnlyList<(string Parameter, IRouteConstraint Constraint)> Constraints, IReadOnlyList<string> Methods,
        IReadOnlyList<string> ContentTypes, bool RequiresCredentials);

    private IReadOnlyList<Route>? _routes;

    public IReadOnlyList<string> MethodsFor(HttpContext context) =>
        Routes.Where(r => Matches(r, context)).SelectMany(r => r.Methods).Distinct().Order().ToList();

    /// <summary>
    /// The request body types that the routes of this path and method accept (<c>application/json</c> for a JSON
    /// body); empty when no such route takes a body. A request that reaches the fallback although such a route
    /// exists was passed over for its Content-Type alone.
    /// </summary>
    public IReadOnlyList<string> ContentTypesFor(HttpContext context) =>
        Routes.Where(r => r.Methods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase) && Matches(r, context))
            .SelectMany(r => r.ContentTypes).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>
    /// Whether a route of this path (any method) needs credentials: a caller without them is told so (401) before
    /// anything about the method or the body, as the route itself would have answered.
    /// </summary>
    public bool RequiresCredentials(HttpContext context) => Routes.Any(r => r.RequiresCredentials && Matches(r, context));

    private IReadOnlyList<Route> Routes => _routes ??= endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(ServerDefaults.ApiPrefix, StringComparison.Ordinal) == true
                && e.Metadata.GetMetadata<IHttpMethodMetadata>() is { HttpMethods.Count: > 0 })
            .Select(e => new Route(
                new TemplateMatcher(new RouteTemplate(e.RoutePattern), new RouteValueDictionary()),
                e.RoutePattern.ParameterPolicies
                    .SelectMany(p => p.Value.Where(r => r.Content is not null).Select(r => (p.Key, constraints.ResolveConstraint(r.Content!))))
                    .Where(c => c.Item2 is not null).Select(c => (c.Key, c.Item2!)).ToList(),
                e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods,
                e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes ?? [],
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0 && e.Metadata.GetMetadata<IAllowAnonymous>() is null))
            .ToList();

    private static bool Matches(Route route, HttpContext context)
    {
        var values = new RouteValueDictionary();
        return route.Matcher.TryMatch(context.Request.Path, values)
            && route.Constraints.All(c => c.Constraint.Match(context, null, c.Parameter, values, RouteDirection.IncomingRequest));
    }
}
