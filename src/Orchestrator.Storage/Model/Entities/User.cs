namespace Orchestrator.Storage.Model.Entities;

/// <summary>A row of <c>users</c> (see the initial-schema migrations for the column definitions).</summary>
public sealed class User
{
    public Guid UserId { get; set; } = Guid.CreateVersion7();

    public string Email { get; set; } = string.Empty;

    public string PasswordHash { get; set; } = string.Empty;

    public string FirstName { get; set; } = string.Empty;

    public string LastName { get; set; } = string.Empty;

    public string? Phone { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    public string? CountryCode { get; set; }

    public string? Timezone { get; set; }

    public bool? IsActive { get; set; }

    public bool? IsVerified { get; set; }

    public string? VerificationToken { get; set; }

    public DateTime? VerificationExpires { get; set; }

    public string? PreferredCurrency { get; set; }

    public string? RiskTolerance { get; set; }

    public decimal? MaxDailyLoss { get; set; }

    /// <summary>The kill switch (migration 007): ACTIVE, REDUCING or HALTED.</summary>
    public string TradingState { get; set; } = "ACTIVE";

    public string? TradingStateReason { get; set; }

    public DateTime? TradingStateChangedAt { get; set; }

    public DateTime? CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }

    public DateTime? LastLogin { get; set; }

    public DateTime? DeletedAt { get; set; }
}
