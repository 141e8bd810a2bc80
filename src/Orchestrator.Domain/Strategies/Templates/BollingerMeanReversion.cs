using Orchestrator.Domain.Indicators;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Strategies.Parameters;

namespace Orchestrator.Domain.Strategies.Templates;

/// <summary>
/// Bollinger mean reversion: flat and the close below the lower band: be long; above the upper band (with
/// <c>allow_short</c>): be short; exit at the middle band. Strength is the distance past the band in band
/// widths (capped at 1).
/// </summary>
public sealed class BollingerMeanReversion(ParameterSet parameters) : PerSymbolStrategy<BollingerBands>
{
    private readonly int _period = parameters.Int("bands.period");
    private readonly decimal _deviations = parameters.Number("bands.std_devs");
    private readonly decimal _allocation = parameters.Number("allocation");
    private readonly bool _allowShort = parameters.Boolean("allow_short");

    public static StrategyTemplateDefinition Definition { get; } = new(
        Name: "bollinger-mean-reversion",
        Type: "MEAN_REVERSION",
        Category: "DAY_TRADING",
        Description: "Buys closes below the lower Bollinger band and exits at the middle band (mirrored for shorts).",
        Tags: ["mean-reversion", "bollinger", "volatility"],
        Parameters: new ParameterSchema(
        [
            ParameterSpec.Integer("bands.period", 20, "Bars in the moving average and standard deviation.", 2, 10_000),
            ParameterSpec.Number("bands.std_devs", 2m, "Band distance in population standard deviations.", 0.1m, 10m),
            CommonParameters.Allocation(),
            CommonParameters.AllowShort(),
        ]),
        Create: static p => new BollingerMeanReversion(p));

    protected override BollingerBands CreateState(IStrategyContext context, string symbol) => new(_period, _deviations, _deviations);

    protected override void OnBar(IStrategyContext context, in Bar bar, BollingerBands bands)
    {
        bands.Update(bar.Close);
        if (!bands.IsReady)
        {
            return;
        }

        var close = bar.Close;
        var position = context.PositionOf(bar.Symbol);
        if (position == 0m && close < bands.Lower)
        {
            Signal(context, bar, SignalType.Buy, context.SharesFor(_allocation, close), Past(bands.Lower - close, bands),
                FormattableString.Invariant($"close {close} below the lower band {bands.Lower:F4}"), Snapshot(bands));
        }
        else if (position == 0m && _allowShort && close > bands.Upper)
        {
            Signal(context, bar, SignalType.Sell, context.SharesFor(_allocation, close), Past(close - bands.Upper, bands),
                FormattableString.Invariant($"close {close} above the upper band {bands.Upper:F4}"), Snapshot(bands));
        }
        else if ((position > 0m && close >= bands.Middle) || (position < 0m && close <= bands.Middle))
        {
            Signal(context, bar, SignalType.Close, 0m, 1m, FormattableString.Invariant($"close {close} back at the middle band {bands.Middle:F4}"), Snapshot(bands));
        }
    }

    private static decimal Past(decimal distance, BollingerBands bands)
    {
        var width = bands.Upper - bands.Lower;
        return width == 0m ? 1m : Math.Min(1m, distance / width);
    }

    private Dictionary<string, decimal> Snapshot(BollingerBands bands) => new(StringComparer.Ordinal)
    {
        [$"BB({_period}).upper"] = bands.Upper,
        [$"BB({_period}).middle"] = bands.Middle,
        [$"BB({_period}).lower"] = bands.Lower,
    };
}
