using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Validation;

/// <summary>
/// Collects field errors of a request; when any exist the answer is 422 problem details listing each field
/// (camelCase, as the JSON names it) with its messages.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    /// <summary>One line per field, "field: message".</summary>
    public IEnumerable<string> Lines => LinesNaming(static name => name);

    /// <summary>One line per field, the field called as <paramref name="name"/> says (the command line names its options).</summary>
    public IEnumerable<string> LinesNaming(Func<string, string> name) => _errors.Select(e => $"{name(e.Key)}: {string.Join(" ", e.Value)}");

    public ValidationErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
        return this;
    }

    public ValidationErrors Check(bool valid, string field, string message) => valid ? this : Add(field, message);

    /// <summary>Adds <paramref name="problem"/> when there is one: for rules that say what is wrong (<c>FieldRules.PasswordProblem</c>).</summary>
    public ValidationErrors Check(string field, string? problem) => problem is null ? this : Add(field, problem);

    public ProblemHttpResult ToProblem() => TypedResults.Problem(new HttpValidationProblemDetails(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()))
    {
        Status = StatusCodes.Status422UnprocessableEntity,
        Title = "The request has invalid fields",
        Detail = string.Join(" ", Lines),
        Type = ProblemDetailsSetup.TypeBase + "validation",
    });
}
