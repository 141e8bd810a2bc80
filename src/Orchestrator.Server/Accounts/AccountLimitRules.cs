using System.Text.RegularExpressions;
using Orchestrator.Server.Validation;

namespace Orchestrator.Server.Accounts;

/// <summary>The rules for an account's limits, shared by create and update.</summary>
public static partial class AccountLimitRules
{
    private const decimal MaxMoney = 9_999_999_999_999.99m;

    /// <summary>The longest symbol: the seed's <c>symbol VARCHAR(20)</c> columns.</summary>
    public const int MaxSymbolLength = 20;

    /// <summary>Symbols as the platform writes them: upper-case letters and digits, with '.', '-' or '/' inside.</summary>
    public static bool IsSymbol(string? value) => value is not null && SymbolPattern().IsMatch(value);

    /// <summary>What is wrong with a (trimmed, upper-cased) symbol, as a validation message; null when nothing is.</summary>
    public static string? SymbolProblem(string? value) => value switch
    {
        null or "" => "is required.",
        { Length: > MaxSymbolLength } => $"must be at most {MaxSymbolLength} characters long (it has {value.Length}).",
        _ when !IsSymbol(value) => "must be a symbol such as AAPL or BRK.B: letters and digits, with '.', '-' or '/' between them.",
        _ => null,
    };

    public static void Check(ValidationErrors errors, decimal? maxPositionSize, decimal? maxDailyVolume, string[]? allowedSymbols)
    {
        errors.Check(maxPositionSize is null or (> 0 and <= MaxMoney) && (maxPositionSize is null || decimal.Round(maxPositionSize.Value, 2) == maxPositionSize),
                "maxPositionSize", "must be a positive amount with at most 2 decimals, or null for no limit.")
            .Check(maxDailyVolume is null or (> 0 and <= MaxMoney) && (maxDailyVolume is null || decimal.Round(maxDailyVolume.Value, 2) == maxDailyVolume),
                "maxDailyVolume", "must be a positive amount with at most 2 decimals, or null for no limit.")
            .Check(allowedSymbols is null || (allowedSymbols.Length <= 10_000 && allowedSymbols.All(s => IsSymbol(s?.Trim().ToUpperInvariant()))),
                "allowedSymbols", "must be a list of symbols such as AAPL or BRK.B, or null for all symbols.");
    }

    public static string[]? NormalizeSymbols(string[]? symbols) =>
        symbols?.Select(s => s.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    // 1 to MaxSymbolLength characters.
    [GeneratedRegex("^[A-Z0-9](?:[A-Z0-9.\\-/]{0,18}[A-Z0-9])?$")]
    private static partial Regex SymbolPattern();
}
