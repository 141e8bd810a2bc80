using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Users;

/// <summary>What a user sees of their own account: never the password hash or tokens.</summary>
public sealed record UserProfile(
    Guid UserId,
    string Email,
    string FirstName,
    string LastName,
    string? Phone,
    DateOnly? DateOfBirth,
    string? CountryCode,
    string? Timezone,
    string? PreferredCurrency,
    string? RiskTolerance,
    decimal? MaxDailyLoss,
    bool IsVerified,
    DateTime? CreatedAt,
    DateTime? LastLogin)
{
    public static UserProfile From(User user) => new(
        user.UserId, user.Email, user.FirstName, user.LastName, user.Phone, user.DateOfBirth, user.CountryCode, user.Timezone,
        user.PreferredCurrency, user.RiskTolerance, user.MaxDailyLoss, user.IsVerified == true, user.CreatedAt, user.LastLogin);
}
