using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Orchestrator.Server.Validation;

namespace Orchestrator.Server.Hosting;

/// <summary>
/// The problem a request that could not be bound stands for (<see cref="BadHttpRequestException"/>), naming the field
/// wherever the request shows which. A JSON member of the wrong type or out of range, or a query value that does not
/// parse, is a 422 <c>validation</c> naming it, like any other invalid field (and like <c>PATCH /accounts</c>); a body
/// that is not JSON at all, or none where one is needed, is a 400; a body of another media type 415; too large 413.
/// </summary>
internal static partial class RequestProblem
{
    public static ProblemDetails From(BadHttpRequestException bad, HttpContext context)
    {
        switch (bad.StatusCode)
        {
            case StatusCodes.Status413PayloadTooLarge:
                return Problem(bad.StatusCode, "The request body is too large.");
            case StatusCodes.Status415UnsupportedMediaType:
                return Problem(bad.StatusCode, UnsupportedMediaType(["application/json"], context.Request.ContentType));
        }

        // The exception handler has cleared the request's endpoint; its feature keeps the one that threw.
        var endpoint = context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        if (bad.InnerException is JsonException json)
        {
            return FromJson(json, endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType);
        }

        // Parameter binding names the parameter only in its message, a constant format (RequestDelegateFactory's):
        // "Failed to bind parameter \"int? limit\" from \"abc\"." and "Required parameter \"string token\" was not provided from query string."
        if (BindingFailed().Match(bad.Message) is { Success: true } failed)
        {
            var name = failed.Groups["name"].Value;
            var type = endpoint?.Metadata.OfType<MethodInfo>().FirstOrDefault()?.GetParameters().FirstOrDefault(p => p.Name == name)?.ParameterType;
            var expected = type is null ? null : ExpectedValue.Of(type);
            return Invalid(name, expected is null ? "has an invalid value." : $"must be {expected.Detail}.");
        }

        var missing = NotProvided().Match(bad.Message);
        if (missing.Success && missing.Groups["source"].Value != "body")
        {
            return Invalid(missing.Groups["name"].Value, "is required.");
        }

        // No body at all (or JSON null) where the endpoint needs one; the framework's own words are for developers.
        return missing.Success || bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal)
            ? Problem(StatusCodes.Status400BadRequest, "The request needs a JSON body (Content-Type: application/json).")
            : Problem(bad.StatusCode, "The request could not be read as this endpoint expects.");
    }

    /// <summary>The detail of a 415, here and for routes the API's fallback finds were passed over for their body type.</summary>
    public static string UnsupportedMediaType(IEnumerable<string> accepted, string? sent) =>
        $"The request body must be {string.Join(" or ", accepted)} (Content-Type header); "
        + (string.IsNullOrEmpty(sent) ? "it was sent without one." : $"it was sent as {sent}.");

    /// <param name="json">What System.Text.Json threw.</param>
    /// <param name="bodyType">The endpoint's body type, to find the type of the member that failed.</param>
    private static ProblemDetails FromJson(JsonException json, Type? bodyType)
    {
        // System.Text.Json wraps a syntax error (the reader's own JsonException) and says where it is; a value it
        // could not convert carries the member's path ("$.quantity"), and the converter's own exception.
        if (json.InnerException is JsonException)
        {
            return Problem(StatusCodes.Status400BadRequest,
                $"The request body is not valid JSON (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}).");
        }

        if (json.Path is null or "$")
        {
            return Problem(StatusCodes.Status400BadRequest, "The request body must be a JSON object.");
        }

        var field = json.Path.StartsWith("$.", StringComparison.Ordinal) ? json.Path[2..] : json.Path[1..];
        var expected = MemberType(bodyType, field) is { } type ? ExpectedValue.Of(type) : null;
        return Invalid(field, expected is null ? "has the wrong type or an invalid value."
            // The wrong JSON kind (a string or true for a number); otherwise the right kind that does not fit ("ten" is read
            // as a number too, since the web defaults accept numbers in strings, as is 1e30 for a decimal).
            : json.InnerException is InvalidOperationException ? $"has the wrong type: expected {expected.Kind}."
            : $"must be {expected.Detail}.");
    }

    /// <summary>
    /// The type of the member at <paramref name="path"/> ("quantity", "symbols[2]", "legs[0].price"): properties by
    /// name, ignoring case as the web defaults read them, and an index for a collection's items.
    /// </summary>
    private static Type? MemberType(Type? type, string path)
    {
        foreach (var segment in path.Split('.'))
        {
            type = type?.GetProperty(segment.Split('[')[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
            for (var index = segment.Count(c => c == '['); index > 0 && type is not null; index--)
            {
                type = ExpectedValue.ElementType(Nullable.GetUnderlyingType(type) ?? type);
            }
        }

        return type;
    }

    private static ProblemDetails Invalid(string field, string message) => new ValidationErrors().Add(field, message).ToProblem().ProblemDetails;

    private static ProblemDetails Problem(int status, string detail) => new() { Status = status, Detail = detail };

    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]*) (?<name>[^" ]+)" from """)]
    private static partial Regex BindingFailed();

    [GeneratedRegex("""^Required parameter "(?<type>[^"]*) (?<name>[^" ]+)" was not provided from (?<source>[^.]+)\.""")]
    private static partial Regex NotProvided();
}
