using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Orchestrator.Server.Hosting;

/// <summary>
/// A request the framework could not bind (a body that is not JSON or has a member of the wrong type, a query value
/// that does not parse, a body too large) surfaces as <see cref="BadHttpRequestException"/>: minimal APIs throw it
/// because <see cref="ProblemDetailsSetup"/> asks them to, rather than answer a bare 400 that names nothing. It is the
/// client's error, answered as <see cref="RequestProblem"/> describes (400, 413, 415, or 422 naming the field), never a 500.
/// </summary>
internal sealed class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var problem = RequestProblem.From(bad, httpContext);
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }
}
