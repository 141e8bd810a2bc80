using System.Globalization;

namespace Orchestrator.Domain.Strategies.Parameters;

/// <summary>
/// One parameter of a strategy template. <see cref="Path"/> is dotted for nested documents, as the seed's
/// <c>strategy_configs</c> nests them ("moving_averages.short_period"). Defaults are decimal for numbers, int
/// for integers, string for choices, bool for booleans.
/// </summary>
public sealed record ParameterSpec(
    string Path,
    ParameterKind Kind,
    object Default,
    string Description,
    decimal? Minimum = null,
    decimal? Maximum = null,
    IReadOnlyList<string>? Choices = null)
{
    public static ParameterSpec Integer(string path, int @default, string description, int? minimum = null, int? maximum = null) =>
        new(path, ParameterKind.Integer, @default, description, minimum, maximum);

    public static ParameterSpec Number(string path, decimal @default, string description, decimal? minimum = null, decimal? maximum = null) =>
        new(path, ParameterKind.Number, @default, description, minimum, maximum);

    public static ParameterSpec Choice(string path, string @default, string description, params string[] choices) =>
        new(path, ParameterKind.Choice, @default, description, Choices: choices);

    public static ParameterSpec Boolean(string path, bool @default, string description) =>
        new(path, ParameterKind.Boolean, @default, description);

    /// <summary>Null when <paramref name="value"/> is acceptable, else why not (naming the parameter).</summary>
    public string? Check(object value)
    {
        switch (Kind)
        {
            case ParameterKind.Integer when value is not int:
                return $"{Path} must be an integer";
            case ParameterKind.Number when value is not decimal:
                return $"{Path} must be a number";
            case ParameterKind.Boolean when value is not bool:
                return $"{Path} must be true or false";
            case ParameterKind.Choice when value is not string s || Choices is null || !Choices.Contains(s, StringComparer.Ordinal):
                return $"{Path} must be one of {string.Join(", ", Choices ?? [])}";
        }

        var number = value switch
        {
            int i => (decimal?)i,
            decimal d => d,
            _ => null,
        };
        if (number is { } n && Minimum is { } min && n < min)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Path} must be at least {min}");
        }

        if (number is { } m && Maximum is { } max && m > max)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Path} must be at most {max}");
        }

        return null;
    }
}
