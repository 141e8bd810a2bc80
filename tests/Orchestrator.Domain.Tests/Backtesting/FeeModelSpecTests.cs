using Orchestrator.Domain.Matching.Fees;

namespace Orchestrator.Domain.Tests.Backtesting;

public sealed class FeeModelSpecTests
{
    private const string Usage = "per-share:RATE[,min:X][,max:FRACTION], per-order:AMOUNT, percentage:RATE[,min:X] or none";

    /// <summary>Text, the model it parses to, and the text <see cref="FeeModelSpec.Format"/> writes for that model.</summary>
    public static TheoryData<string, IFeeModel, string> Valid => new()
    {
        { "per-share:0.005,min:1", new PerShareFeeModel(0.005m, 1m), "per-share:0.005,min:1" },
        { "per-share:0.005,min:1,max:0.01", new PerShareFeeModel(0.005m, 1m, 0.01m), "per-share:0.005,min:1,max:0.01" },
        { "per-share:0.005,max:0.01,min:1", new PerShareFeeModel(0.005m, 1m, 0.01m), "per-share:0.005,min:1,max:0.01" },
        { "per-share:0.005", new PerShareFeeModel(0.005m, 0m), "per-share:0.005,min:0" },
        { "per-order:1.5", new PerOrderFeeModel(1.5m), "per-order:1.5" },
        { "per-order:0", new PerOrderFeeModel(0m), "per-order:0" },
        { "percentage:0.001", new PercentageFeeModel(0.001m), "percentage:0.001" },
        { "percentage:0.001,min:1", new PercentageFeeModel(0.001m, 1m), "percentage:0.001,min:1" },
        { "percentage:0", new PercentageFeeModel(0m), "none" },
        { "none", new PercentageFeeModel(0m), "none" },
        { "  Per-Share:0.005 , MIN:1  ", new PerShareFeeModel(0.005m, 1m), "per-share:0.005,min:1" },
        { "NONE", new PercentageFeeModel(0m), "none" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parses_to_the_model_with_its_fields_and_formats_back(string text, IFeeModel expected, string formatted)
    {
        var model = FeeModelSpec.Parse(text, out var error);

        Assert.Null(error);
        Assert.Equal(expected, model);
        Assert.IsType(expected.GetType(), model);
        Assert.Equal(formatted, FeeModelSpec.Format(model!));
        // The formatted text is itself a spec of the same model.
        Assert.Equal(expected, FeeModelSpec.Parse(formatted, out var again));
        Assert.Null(again);
    }

    [Fact]
    public void Fields_are_read_as_written()
    {
        var model = Assert.IsType<PerShareFeeModel>(FeeModelSpec.Parse("per-share:0.0035,min:0.35,max:0.01", out _));
        Assert.Equal((0.0035m, 0.35m, (decimal?)0.01m), (model.PerShare, model.Minimum, model.MaximumFractionOfValue));
        var percentage = Assert.IsType<PercentageFeeModel>(FeeModelSpec.Parse("percentage:0.0025,min:2", out _));
        Assert.Equal((0.0025m, 2m), (percentage.Rate, percentage.Minimum));
        Assert.Equal(7.25m, Assert.IsType<PerOrderFeeModel>(FeeModelSpec.Parse("per-order:7.25", out _)).Amount);
    }

    [Theory]
    [InlineData(null, "'' is not a fee model: use " + Usage)]
    [InlineData("", "'' is not a fee model: use " + Usage)]
    [InlineData("   ", "'   ' is not a fee model: use " + Usage)]
    [InlineData("flat:1", "'flat:1' is not a fee model: use " + Usage)]
    [InlineData("per-share", "'per-share' is not a fee model: use " + Usage)]
    [InlineData("per-share:", "'per-share:' is not a fee model: use " + Usage)]
    [InlineData("per-share:-0.005", "'per-share:-0.005' is not a fee model: use " + Usage)]
    [InlineData("per-share:abc,min:1", "'per-share:abc,min:1' is not a fee model: use " + Usage)]
    [InlineData("per-order:1,min:1", "'per-order:1,min:1' is not a fee model: use " + Usage)]
    [InlineData("percentage", "'percentage' is not a fee model: use " + Usage)]
    [InlineData("per-share:0.005,minimum:1", "'minimum:1' is not one of min:NUMBER, max:NUMBER")]
    [InlineData("per-share:0.005,min:-1", "'min:-1' is not one of min:NUMBER, max:NUMBER")]
    [InlineData("per-share:0.005,min", "'min' is not one of min:NUMBER, max:NUMBER")]
    [InlineData("per-share:0.005,min:one", "'min:one' is not one of min:NUMBER, max:NUMBER")]
    [InlineData("percentage:0.001,max:0.01", "'max:0.01' is not one of min:NUMBER")]
    [InlineData("Percentage:0.001,MAX:0.01", "'max:0.01' is not one of min:NUMBER")]
    [InlineData("percentage:1", "percentage:1 is out of range: a fraction of the fill's value from 0 to 0.5")]
    [InlineData("per-share:0.005,max:0.6", "max:0.6 is out of range: a fraction of the fill's value from 0 to 0.5")]
    public void Malformed_specs_say_what_is_wrong(string? text, string expected)
    {
        Assert.Null(FeeModelSpec.Parse(text, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void A_model_without_a_spec_formats_as_its_type_name() =>
        Assert.Equal(nameof(CustomFee), FeeModelSpec.Format(new CustomFee()));

    private sealed class CustomFee : IFeeModel
    {
        public decimal Commission(FeeContext fill) => 0m;
    }
}
