using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Server.Security;

/// <summary>
/// Random bearer secrets (session, refresh and verification tokens, API keys) and how they are stored: only
/// their SHA-256, never the token (NOTES.md defect 13). A 256-bit random token needs no slow hash: there
/// is nothing to guess from its digest.
/// </summary>
public static class SecretTokens
{
    /// <summary>256 random bits, base64url without padding (43 characters).</summary>
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Compares two stored hashes without leaking, through timing, how many leading characters match.</summary>
    public static bool HashEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));

    public static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
