using System.Globalization;

namespace Orchestrator.Domain.Matching.Fees;

/// <summary>
/// Commission models written as text, as the CLI's <c>--fees</c> and the API take them:
/// <c>per-share:0.005,min:1[,max:0.01]</c> (IB fixed), <c>per-order:1.5</c>, <c>percentage:0.001[,min:1]</c>
/// (the seed's commission_rate), <c>none</c>. <see cref="Format"/> writes the same text back.
/// </summary>
public static class FeeModelSpec
{
    /// <summary>The model, or null with <paramref name="error"/> saying what is wrong (out of <see cref="FeeBounds"/> too).</summary>
    public static IFeeModel? Parse(string? text, out string? error)
    {
        var model = Read(text, out error);
        if (model is not null && FeeBounds.Check(model) is { } outOfRange)
        {
            error = outOfRange;
            return null;
        }

        return model;
    }

    private static IFeeModel? Read(string? text, out string? error)
    {
        error = null;
        var (kind, first, options) = Split(text);
        switch (kind)
        {
            case "none":
                return new PercentageFeeModel(0m);
            case "per-share" when first is { } rate && Options(options, ["min", "max"], out var o, out error):
                return new PerShareFeeModel(rate, o.GetValueOrDefault("min"), o.TryGetValue("max", out var max) ? max : null);
            case "per-order" when first is { } amount && options.Length == 0:
                return new PerOrderFeeModel(amount);
            case "percentage" when first is { } fraction && Options(options, ["min"], out var p, out error):
                return new PercentageFeeModel(fraction, p.GetValueOrDefault("min"));
        }

        error ??= $"'{text}' is not a fee model: use per-share:RATE[,min:X][,max:FRACTION], per-order:AMOUNT, percentage:RATE[,min:X] or none";
        return null;
    }

    public static string Format(IFeeModel model) => model switch
    {
        PerShareFeeModel m => Invariant($"per-share:{m.PerShare},min:{m.Minimum}") + (m.MaximumFractionOfValue is { } max ? Invariant($",max:{max}") : string.Empty),
        PerOrderFeeModel m => Invariant($"per-order:{m.Amount}"),
        PercentageFeeModel { Rate: 0m, Minimum: 0m } => "none",
        PercentageFeeModel m => Invariant($"percentage:{m.Rate}") + (m.Minimum != 0m ? Invariant($",min:{m.Minimum}") : string.Empty),
        _ => model.GetType().Name,
    };

    /// <summary>Splits "kind:value,key:value,…" into the kind, its value (a non-negative number) and the options.</summary>
    internal static (string? Kind, decimal? First, string[] Options) Split(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null, []);
        }

        var parts = text.Trim().ToLowerInvariant().Split(',', StringSplitOptions.TrimEntries);
        var head = parts[0].Split(':', 2);
        decimal? first = head.Length == 2 && decimal.TryParse(head[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var v) && v >= 0m ? v : null;
        return (head[0], first, parts[1..]);
    }

    internal static bool Options(string[] options, string[] allowed, out Dictionary<string, decimal> values, out string? error)
    {
        values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        error = null;
        foreach (var option in options)
        {
            var pair = option.Split(':', 2);
            if (pair.Length != 2 || !allowed.Contains(pair[0])
                || !decimal.TryParse(pair[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value < 0m)
            {
                error = $"'{option}' is not one of {string.Join(", ", allowed.Select(static a => a + ":NUMBER"))}";
                return false;
            }

            values[pair[0]] = value;
        }

        return true;
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
