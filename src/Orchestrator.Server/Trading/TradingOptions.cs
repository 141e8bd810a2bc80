using Orchestrator.Storage.Configuration;

namespace Orchestrator.Server.Trading;

/// <summary>The <c>Trading</c> configuration section: the paper exchange's parameters and the margin model.</summary>
public sealed class TradingOptions
{
    public const string Section = "Trading";

    /// <summary>Share of each bar's volume the paper exchange lets our orders take (per side, across all accounts).</summary>
    public decimal ParticipationRate { get; set; } = 0.25m;

    /// <summary>Share of a position's value the account's equity must cover: 1 is a cash account, 0.5 Reg T margin.</summary>
    public decimal MarginRequirement { get; set; } = 1.0m;

    /// <summary>Commission per share with a minimum per order (Interactive Brokers' fixed US pricing as the default).</summary>
    public decimal CommissionPerShare { get; set; } = 0.005m;

    public decimal MinimumCommission { get; set; } = 1.00m;

    /// <summary>Fixed slippage on aggressive fills, as a fraction of the price (0.0005 is 5 basis points).</summary>
    public decimal SlippageFraction { get; set; }

    /// <summary>Refuses settings the engine cannot work with, naming the key (the CLI reports it with exit code 2).</summary>
    public TradingOptions Validated()
    {
        Require(ParticipationRate is > 0m and <= 1m, "ParticipationRate", "a share of the bar's volume above 0 and at most 1");
        Require(MarginRequirement is > 0m and <= 10m, "MarginRequirement", "above 0 (1 is a cash account, 0.5 Reg T)");
        Require(CommissionPerShare >= 0m, "CommissionPerShare", "0 or more");
        Require(MinimumCommission >= 0m, "MinimumCommission", "0 or more");
        Require(SlippageFraction is >= 0m and < 1m, "SlippageFraction", "a fraction of the price from 0 to below 1");
        return this;
    }

    private static void Require(bool valid, string key, string what)
    {
        if (!valid)
        {
            throw new ConfigurationException($"{Section}:{key} must be {what}.");
        }
    }
}
