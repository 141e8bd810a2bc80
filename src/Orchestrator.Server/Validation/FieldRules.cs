using System.Net.Mail;

namespace Orchestrator.Server.Validation;

/// <summary>Field rules shared by registration, profile updates and the CLI.</summary>
public static class FieldRules
{
    public static readonly string[] RiskTolerances = ["CONSERVATIVE", "MODERATE", "AGGRESSIVE"];

    public static bool IsEmail(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= 255 && MailAddress.TryCreate(value, out var address) && address.Address == value.Trim();

    /// <summary>OWASP ASVS 2.1: at least 12 characters, at most 128, not all one character.</summary>
    public static string? PasswordProblem(string? value) => value switch
    {
        null or "" => "is required.",
        { Length: < 12 } => "must be at least 12 characters long.",
        { Length: > 128 } => "must be at most 128 characters long.",
        _ when value.Distinct().Count() == 1 => "must not repeat one character.",
        _ => null,
    };

    public static bool IsName(string? value) => !string.IsNullOrWhiteSpace(value) && value.Trim().Length <= 100;

    public static bool IsPhone(string? value) =>
        value is null || (value.Length <= 20 && value.Length >= 5 && value.TrimStart('+').All(c => char.IsAsciiDigit(c) || c is ' ' or '-'));

    public static bool IsCountry(string? value) => value is null || (value.Length is 2 or 3 && value.All(char.IsAsciiLetterUpper));

    public static bool IsCurrency(string? value) => value is null || (value.Length == 3 && value.All(char.IsAsciiLetterUpper));

    public static bool IsTimezone(string? value) => value is null || (value.Length <= 50 && TimeZoneInfo.TryFindSystemTimeZoneById(value, out _));

    public static bool IsRiskTolerance(string? value) => value is null || RiskTolerances.Contains(value);

    public static bool IsBirthDate(DateOnly? value, DateOnly today) => value is null || (value < today && value > today.AddYears(-130));

    public static bool IsMaxDailyLoss(decimal? value) => value is null || (value > 0 && value < 10_000_000_000_000m);
}
