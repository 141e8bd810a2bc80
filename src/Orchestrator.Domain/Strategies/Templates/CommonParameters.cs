using Orchestrator.Domain.Strategies.Parameters;

namespace Orchestrator.Domain.Strategies.Templates;

/// <summary>Parameters several templates share, spelled once.</summary>
internal static class CommonParameters
{
    public static ParameterSpec Allocation(decimal @default = 0.1m) =>
        ParameterSpec.Number("allocation", @default, "Fraction of equity put in each position.", 0m, 1m);

    public static ParameterSpec AllowShort(bool @default = false) =>
        ParameterSpec.Boolean("allow_short", @default, "Whether the strategy may go short (else it only closes longs).");

    public static ParameterSpec ExitBeforeClose(int @default = 15) =>
        ParameterSpec.Integer("exit_minutes_before_close", @default, "Flatten this many minutes before the session closes.", 0, 390);

    public static IEnumerable<ParameterError> Ascending(ParameterSet p, string lower, string upper) =>
        Numeric(p, lower) < Numeric(p, upper)
            ? []
            : [new ParameterError(lower, $"{lower} must be below {upper}")];

    private static decimal Numeric(ParameterSet p, string path) =>
        p.Values[path] switch
        {
            int i => i,
            decimal d => d,
            _ => throw new ArgumentException($"{path} is not numeric", nameof(path)),
        };
}
