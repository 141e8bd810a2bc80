using System.Globalization;
using Orchestrator.Domain.Matching.Fees;

namespace Orchestrator.Domain.Matching.Slippage;

/// <summary>
/// Slippage models written as text: a bare fraction or <c>fixed:0.0005</c> (the seed's backtest slippage),
/// <c>volume-share:0.1[,limit:0.025]</c> (zipline's price impact), <c>none</c>.
/// </summary>
public static class SlippageModelSpec
{
    /// <summary>The model, or null with <paramref name="error"/> saying what is wrong (out of <see cref="SlippageBounds"/> too).</summary>
    public static ISlippageModel? Parse(string? text, out string? error)
    {
        var model = Read(text, out error);
        if (model is not null && SlippageBounds.Check(model) is { } outOfRange)
        {
            error = outOfRange;
            return null;
        }

        return model;
    }

    private static ISlippageModel? Read(string? text, out string? error)
    {
        error = null;
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var bare) && bare >= 0m)
        {
            return new FixedSlippageModel(bare);
        }

        var (kind, first, options) = FeeModelSpec.Split(text);
        switch (kind)
        {
            case "none":
                return new FixedSlippageModel(0m);
            case "fixed" when first is { } fraction && options.Length == 0:
                return new FixedSlippageModel(fraction);
            case "volume-share" when first is { } impact && FeeModelSpec.Options(options, ["limit"], out var o, out error):
                return new VolumeShareSlippageModel(impact, o.TryGetValue("limit", out var limit) ? limit : 0.025m);
        }

        error ??= $"'{text}' is not a slippage model: use a fraction, fixed:FRACTION, volume-share:IMPACT[,limit:SHARE] or none";
        return null;
    }

    public static string Format(ISlippageModel model) => model switch
    {
        FixedSlippageModel { Fraction: 0m } => "none",
        FixedSlippageModel m => FormattableString.Invariant($"fixed:{m.Fraction}"),
        VolumeShareSlippageModel m => FormattableString.Invariant($"volume-share:{m.PriceImpact},limit:{m.VolumeLimit}"),
        _ => model.GetType().Name,
    };
}
