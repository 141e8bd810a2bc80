using Orchestrator.Domain.Backtesting;
using Orchestrator.Domain.Matching.Fees;
using Orchestrator.Domain.Matching.Slippage;

namespace Orchestrator.Domain.Tests.Backtesting;

/// <summary>Settings built in code meet the same bounds as the CLI's and the API's text, before any bar is read.</summary>
public sealed class BacktestSettingsTests
{
    public static TheoryData<string, BacktestSettings> OutOfRange => new()
    {
        { nameof(BacktestSettings.SlippageModel), new BacktestSettings { SlippageModel = new FixedSlippageModel(1m) } },
        { nameof(BacktestSettings.SlippageModel), new BacktestSettings { SlippageModel = new VolumeShareSlippageModel(10m, 1m) } },
        { nameof(BacktestSettings.FeeModel), new BacktestSettings { FeeModel = new PercentageFeeModel(1m) } },
        { nameof(BacktestSettings.ParticipationRate), new BacktestSettings { ParticipationRate = 0m } },
        { nameof(BacktestSettings.ParticipationRate), new BacktestSettings { ParticipationRate = 1.5m } },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Settings_that_would_make_impossible_fills_fail_validation_naming_the_setting(string setting, BacktestSettings settings) =>
        Assert.Equal(setting, Assert.Throws<ArgumentOutOfRangeException>(settings.Validate).ParamName);

    [Fact]
    public void The_bounds_themselves_are_allowed() =>
        new BacktestSettings
        {
            SlippageModel = new FixedSlippageModel(SlippageBounds.MaxFraction),
            FeeModel = new PercentageFeeModel(FeeBounds.MaxRate),
            ParticipationRate = 1m,
        }.Validate();
}
