using System.Security.Cryptography;

namespace Orchestrator.Server.Security;

/// <summary>
/// API keys look like <c>dto_Ab3xY9kQ_&lt;43 random characters&gt;</c>. The first 12 characters
/// (<c>dto_Ab3xY9kQ</c>) are the stored, displayable prefix that lets a user tell keys apart; the whole key
/// is shown once, at creation, and only its SHA-256 is kept.
/// </summary>
public static class ApiKeyFormat
{
    public const string Marker = "dto_";
    private const string PrefixAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public sealed record NewKey(string Key, string Prefix, string Hash);

    public static NewKey Generate()
    {
        var prefix = Marker + RandomNumberGenerator.GetString(PrefixAlphabet, 8);
        var key = $"{prefix}_{SecretTokens.NewToken()}";
        return new NewKey(key, prefix, SecretTokens.Hash(key));
    }

    /// <summary>Cheap shape check before any database lookup.</summary>
    public static bool LooksLikeKey(string value) =>
        value.Length == 12 + 1 + 43 && value.StartsWith(Marker, StringComparison.Ordinal) && value[12] == '_';
}
