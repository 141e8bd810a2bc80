using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Orchestrator.Domain.Strategies.Parameters;
using Orchestrator.Domain.Strategies.Templates;
using Orchestrator.Server.Validation;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Strategies;

/// <summary>
/// Checks a user's parameter overrides in two steps, each error naming the parameter as
/// <c>parameters.&lt;path&gt;</c> (<c>parameters.moving_averages.short_period</c>):
/// <list type="number">
/// <item>the template's stored JSON Schema (<c>strategy_templates.parameter_schema</c>, draft 2020-12, evaluated
/// by JsonSchema.Net): unknown names, wrong types, values out of range;</item>
/// <item>the domain: the overrides resolved over the defaults, then the template's cross-parameter rules
/// (<see cref="StrategyTemplateDefinition.Validate"/>), which a schema cannot express.</item>
/// </list>
/// Compiled schemas are cached by their text (a singleton; a changed stored schema compiles anew).
/// </summary>
public sealed class ParameterValidator
{
    public const string Field = "parameters";

    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };

    private static readonly JsonElement NoOverrides = JsonSerializer.SerializeToElement(new JsonObject());

    /// <summary>The resolved parameters, or null with the errors added to <paramref name="errors"/>. No overrides means all defaults.</summary>
    public ParameterSet? Validate(StrategyTemplate template, StrategyTemplateDefinition definition, JsonElement? overrides, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(errors);
        var json = overrides is { ValueKind: not JsonValueKind.Null } value ? value : NoOverrides;
        var schemaText = template.ParameterSchema ?? definition.Parameters.ToJsonSchema().ToJsonString();
        var schema = _schemas.GetOrAdd(schemaText, static text => JsonSchema.FromText(text));
        var result = schema.Evaluate(json, Options);
        if (!result.IsValid)
        {
            AddSchemaErrors(result, definition.Name, errors);
            return null;
        }

        var resolution = definition.Validate(definition.Parameters.Resolve(JsonObject.Create(json)));
        foreach (var error in resolution.Errors)
        {
            errors.Add($"{Field}.{error.Path}", error.Message);
        }

        return resolution.Parameters;
    }

    private static void AddSchemaErrors(EvaluationResults result, string template, ValidationErrors errors)
    {
        var added = false;
        foreach (var node in (result.Details ?? []).Prepend(result))
        {
            if (node.Errors is not { Count: > 0 } nodeErrors)
            {
                continue;
            }

            var field = FieldOf(node.InstanceLocation.ToString());
            // additionalProperties: false fails against the "false" schema, whose message names no keyword.
            var unknown = node.EvaluationPath.ToString().EndsWith("/additionalProperties", StringComparison.Ordinal);
            foreach (var (_, message) in nodeErrors)
            {
                errors.Add(field, unknown ? $"is not a parameter of the template '{template}'." : message);
                added = true;
            }
        }

        if (!added)
        {
            errors.Add(Field, "does not match the template's parameter schema.");
        }
    }

    /// <summary>A JSON Pointer (<c>/moving_averages/short_period</c>) as a field name (<c>parameters.moving_averages.short_period</c>).</summary>
    private static string FieldOf(string pointer)
    {
        if (pointer.Length == 0 || pointer == "/")
        {
            return Field;
        }

        var segments = pointer.TrimStart('#').TrimStart('/').Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        return Field + "." + string.Join('.', segments);
    }
}
