using Orchestrator.Domain.Backtesting.Optimization;
using Orchestrator.Domain.Strategies.Parameters;
using Orchestrator.Domain.Strategies.Templates;

namespace Orchestrator.Domain.Tests.Backtesting;

public sealed class ParameterRangeTests
{
    private static readonly ParameterSchema Schema = MovingAverageCrossover.Definition.Parameters;

    [Fact]
    public void A_numeric_range_is_inclusive_and_typed_as_the_parameter()
    {
        var range = ParameterRange.Parse("moving_averages.short_period=5:15:5", Schema, out var error);

        Assert.Null(error);
        Assert.Equal("moving_averages.short_period", range!.Path);
        Assert.Equal([5, 10, 15], range.Values);
        Assert.All(range.Values, v => Assert.IsType<int>(v));
    }

    [Fact]
    public void A_range_of_numbers_steps_in_decimal_and_stops_at_or_before_the_end()
    {
        var range = ParameterRange.Parse("allocation=0.1:0.35:0.1", Schema, out var error);

        Assert.Null(error);
        Assert.Equal([0.1m, 0.2m, 0.3m], range!.Values);
        Assert.All(range.Values, v => Assert.IsType<decimal>(v));
        Assert.Equal([7], ParameterRange.Parse("moving_averages.short_period=7:7:1", Schema, out _)!.Values);
    }

    [Fact]
    public void Lists_take_each_parameters_type_and_trim_spaces()
    {
        Assert.Equal(["SMA", "EMA"], ParameterRange.Parse("moving_averages.ma_type=SMA,EMA", Schema, out var e1)!.Values);
        Assert.Equal([20, 30], ParameterRange.Parse("moving_averages.long_period=20, 30", Schema, out var e2)!.Values);
        Assert.Equal([true, false], ParameterRange.Parse("allow_short=true,false", Schema, out var e3)!.Values);
        Assert.Equal([0.25m, 0.5m], ParameterRange.Parse("allocation=0.25,0.5", Schema, out var e4)!.Values);
        Assert.Equal([null, null, null, null], new[] { e1, e2, e3, e4 });
    }

    [Theory]
    [InlineData("moving_averages.short_period", "'moving_averages.short_period' is not path=from:to:step or path=a,b,c")]
    [InlineData("=5:15:5", "'=5:15:5' is not path=from:to:step or path=a,b,c")]
    [InlineData("moving_average.short_period=5:15:5", "moving_average.short_period is not a parameter of this strategy")]
    [InlineData("short_period=5", "short_period is not a parameter of this strategy")]
    [InlineData("moving_averages.short_period=5:15:0", "moving_averages.short_period: a range is from:to:step with numbers, from <= to and step > 0")]
    [InlineData("moving_averages.short_period=5:15:-5", "moving_averages.short_period: a range is from:to:step with numbers, from <= to and step > 0")]
    [InlineData("moving_averages.short_period=15:5:5", "moving_averages.short_period: a range is from:to:step with numbers, from <= to and step > 0")]
    [InlineData("moving_averages.short_period=5:15", "moving_averages.short_period: a range is from:to:step with numbers, from <= to and step > 0")]
    [InlineData("moving_averages.short_period=a:15:5", "moving_averages.short_period: a range is from:to:step with numbers, from <= to and step > 0")]
    [InlineData("moving_averages.ma_type=1:3:1", "moving_averages.ma_type: a range is from:to:step with numbers, from <= to and step > 0")]
    [InlineData("allow_short=0:1:1", "allow_short: a range is from:to:step with numbers, from <= to and step > 0")]
    [InlineData("moving_averages.short_period=5:6:0.5", "moving_averages.short_period must be an integer")]
    [InlineData("moving_averages.short_period=3000000000:3000000000:1", "moving_averages.short_period must be an integer")]
    [InlineData("moving_averages.short_period=1:20001:10000", "moving_averages.short_period must be at most 10000")]
    [InlineData("moving_averages.short_period=0:10:5", "moving_averages.short_period must be at least 1")]
    [InlineData("allocation=0.5:1.5:0.5", "allocation must be at most 1")]
    [InlineData("allocation=0:1:0.00001", "allocation: more than 10,000 values")]
    [InlineData("moving_averages.short_period=5,x", "moving_averages.short_period: 'x' is not an integer")]
    [InlineData("moving_averages.short_period=5,7.5", "moving_averages.short_period: '7.5' is not an integer")]
    [InlineData("allocation=0.5,lots", "allocation: 'lots' is not a number")]
    [InlineData("allow_short=true,maybe", "allow_short: 'maybe' is not a boolean")]
    [InlineData("moving_averages.ma_type=SMA,HMA", "moving_averages.ma_type must be one of SMA, EMA, WMA")]
    [InlineData("moving_averages.long_period=20,1", "moving_averages.long_period must be at least 2")]
    public void Errors_name_the_parameter(string text, string expected)
    {
        Assert.Null(ParameterRange.Parse(text, Schema, out var error));
        Assert.Equal(expected, error);
    }
}
