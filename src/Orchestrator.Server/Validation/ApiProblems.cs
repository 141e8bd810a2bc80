using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Validation;

/// <summary>The problem answers handlers return, each with its stable type.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult NotFound(string what) =>
        Problem(StatusCodes.Status404NotFound, "Not found", "not-found", $"{what} does not exist.");

    public static ProblemHttpResult Conflict(string detail) =>
        Problem(StatusCodes.Status409Conflict, "Conflict", "conflict", detail);

    public static ProblemHttpResult Unauthorized(string detail) =>
        Problem(StatusCodes.Status401Unauthorized, "Unauthorized", "unauthorized", detail);

    public static ProblemHttpResult Problem(int status, string title, string type, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: ProblemDetailsSetup.TypeBase + type);
}
