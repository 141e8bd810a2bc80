using Orchestrator.Domain.Matching.Slippage;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Tests.Backtesting;

public sealed class SlippageModelSpecTests
{
    private const string Usage = "a fraction, fixed:FRACTION, volume-share:IMPACT[,limit:SHARE] or none";

    /// <summary>Text, the model it parses to, and the text <see cref="SlippageModelSpec.Format"/> writes for that model.</summary>
    public static TheoryData<string, ISlippageModel, string> Valid => new()
    {
        { "0.0005", new FixedSlippageModel(0.0005m), "fixed:0.0005" },
        { "fixed:0.0005", new FixedSlippageModel(0.0005m), "fixed:0.0005" },
        { "FIXED:0.001", new FixedSlippageModel(0.001m), "fixed:0.001" },
        { "volume-share:0.1", new VolumeShareSlippageModel(0.1m, 0.025m), "volume-share:0.1,limit:0.025" },
        { "volume-share:0.2,limit:0.05", new VolumeShareSlippageModel(0.2m, 0.05m), "volume-share:0.2,limit:0.05" },
        { " volume-share:0.2 , limit:0.05 ", new VolumeShareSlippageModel(0.2m, 0.05m), "volume-share:0.2,limit:0.05" },
        { "none", new FixedSlippageModel(0m), "none" },
        { "0", new FixedSlippageModel(0m), "none" },
        { "fixed:0", new FixedSlippageModel(0m), "none" },
        { "0.5", new FixedSlippageModel(0.5m), "fixed:0.5" },
        { "volume-share:2,limit:0.5", new VolumeShareSlippageModel(2m, 0.5m), "volume-share:2,limit:0.5" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parses_to_the_model_with_its_fields_and_formats_back(string text, ISlippageModel expected, string formatted)
    {
        var model = SlippageModelSpec.Parse(text, out var error);

        Assert.Null(error);
        Assert.Equal(expected, model);
        Assert.IsType(expected.GetType(), model);
        Assert.Equal(formatted, SlippageModelSpec.Format(model!));
        Assert.Equal(expected, SlippageModelSpec.Parse(formatted, out var again));
        Assert.Null(again);
    }

    [Fact]
    public void Fields_are_read_as_written_and_used()
    {
        var fixedModel = Assert.IsType<FixedSlippageModel>(SlippageModelSpec.Parse("0.01", out _));
        Assert.Equal(0.01m, fixedModel.Fraction);
        Assert.Equal((101m, 99m), (fixedModel.Apply(OrderSide.Buy, 100m, 10m, 1_000m), fixedModel.Apply(OrderSide.Sell, 100m, 10m, 1_000m)));

        var volumeShare = Assert.IsType<VolumeShareSlippageModel>(SlippageModelSpec.Parse("volume-share:0.1,limit:0.5", out _));
        Assert.Equal((0.1m, 0.5m), (volumeShare.PriceImpact, volumeShare.VolumeLimit));
        // 100 of 1,000 shares: share 0.1, impact 100 × 0.1 × 0.1² = 0.1.
        Assert.Equal(100.1m, volumeShare.Apply(OrderSide.Buy, 100m, 100m, 1_000m));
    }

    [Theory]
    [InlineData(null, "'' is not a slippage model: use " + Usage)]
    [InlineData("", "'' is not a slippage model: use " + Usage)]
    [InlineData("-0.0005", "'-0.0005' is not a slippage model: use " + Usage)]
    [InlineData("fixed", "'fixed' is not a slippage model: use " + Usage)]
    [InlineData("fixed:-0.1", "'fixed:-0.1' is not a slippage model: use " + Usage)]
    [InlineData("fixed:0.001,limit:0.1", "'fixed:0.001,limit:0.1' is not a slippage model: use " + Usage)]
    [InlineData("volume-share", "'volume-share' is not a slippage model: use " + Usage)]
    [InlineData("square-root:0.1", "'square-root:0.1' is not a slippage model: use " + Usage)]
    [InlineData("volume-share:0.1,cap:0.1", "'cap:0.1' is not one of limit:NUMBER")]
    [InlineData("volume-share:0.1,limit:-1", "'limit:-1' is not one of limit:NUMBER")]
    [InlineData("1", "1 is out of range: a fraction of the price from 0 to 0.5")]
    [InlineData("fixed:0.51", "0.51 is out of range: a fraction of the price from 0 to 0.5")]
    [InlineData("volume-share:0.1,limit:0", "limit:0 is out of range: a share of the bar's volume above 0 and at most 1")]
    [InlineData("volume-share:0.1,limit:1.5", "limit:1.5 is out of range: a share of the bar's volume above 0 and at most 1")]
    [InlineData("volume-share:3,limit:0.5", "volume-share:3 is out of range: IMPACT x LIMIT² (the largest move, a fraction of the price) must be from 0 to 0.5")]
    public void Malformed_specs_say_what_is_wrong(string? text, string expected)
    {
        Assert.Null(SlippageModelSpec.Parse(text, out var error));
        Assert.Equal(expected, error);
    }
}
