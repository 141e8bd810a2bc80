namespace Orchestrator.Storage.Model.Entities;

/// <summary>A row of <c>user_broker_accounts</c> (see the initial-schema migrations for the column definitions).</summary>
public sealed class UserBrokerAccount
{
    public Guid AccountId { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public string BrokerId { get; set; } = string.Empty;

    public string? AccountName { get; set; }

    public string BrokerAccountId { get; set; } = string.Empty;

    public byte[]? EncryptedCredentials { get; set; }

    public string? AccountType { get; set; }

    public string? Currency { get; set; }

    public string? BaseCurrency { get; set; }

    public bool? IsConnected { get; set; }

    public DateTime? LastConnectedAt { get; set; }

    public string? ConnectionError { get; set; }

    public decimal? MaxPositionSize { get; set; }

    public decimal? MaxDailyVolume { get; set; }

    public string[]? AllowedSymbols { get; set; }

    public DateTime? CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }

    public DateTime? DeletedAt { get; set; }
}
