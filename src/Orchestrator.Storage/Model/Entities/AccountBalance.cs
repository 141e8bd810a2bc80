namespace Orchestrator.Storage.Model.Entities;

/// <summary>A row of <c>account_balances</c> (see the initial-schema migrations for the column definitions).</summary>
public sealed class AccountBalance
{
    public Guid BalanceId { get; set; } = Guid.CreateVersion7();

    public Guid AccountId { get; set; }

    public string Currency { get; set; } = string.Empty;

    public decimal? CashBalance { get; set; }

    public decimal? BuyingPower { get; set; }

    public decimal? PortfolioValue { get; set; }

    public decimal? MarginUsed { get; set; }

    public decimal? MarginAvailable { get; set; }

    public DateTime? RecordedAt { get; set; }
}
