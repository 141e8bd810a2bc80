using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;

namespace Orchestrator.Server.Security;

/// <summary>
/// Argon2id password hashing with OWASP's recommended minimum (Password Storage Cheat Sheet: m = 19 MiB,
/// t = 2, p = 1), stored in the PHC string format so the parameters can be raised later without breaking
/// existing hashes: <c>$argon2id$v=19$m=19456,t=2,p=1$&lt;salt&gt;$&lt;hash&gt;</c> (unpadded base64).
/// </summary>
public sealed class PasswordHasher
{
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>Hashed in place of an empty password, which Argon2 (Konscious) refuses, so that refusal costs the same time.</summary>
    private const string EmptyStandIn = "\0";

    public PasswordHasher(int memoryKiB = 19456, int iterations = 2, int parallelism = 1)
    {
        MemoryKiB = memoryKiB;
        Iterations = iterations;
        Parallelism = parallelism;
    }

    public int MemoryKiB { get; }

    public int Iterations { get; }

    public int Parallelism { get; }

    public string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Compute(password, salt, MemoryKiB, Iterations, Parallelism, HashBytes);
        return $"$argon2id$v=19$m={MemoryKiB},t={Iterations},p={Parallelism}${Encode(salt)}${Encode(hash)}";
    }

    /// <summary>True when <paramref name="password"/> matches; compares in constant time.</summary>
    public bool Verify(string password, string encoded)
    {
        if (string.IsNullOrEmpty(password))
        {
            // Argon2 (Konscious) refuses an empty password; no stored password is empty (registration asks for 12
            // characters or more), so an empty one is simply wrong, answered after the same work as any other.
            VerifyNothing(password);
            return false;
        }

        var parts = encoded.Split('$');
        // ["", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash]
        if (parts.Length != 6 || parts[1] != "argon2id" || parts[2] != "v=19")
        {
            return false;
        }

        var parameters = parts[3].Split(',').Select(p => p.Split('=')).ToDictionary(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
        var salt = Decode(parts[4]);
        var expected = Decode(parts[5]);
        var actual = Compute(password, salt, parameters["m"], parameters["t"], parameters["p"], expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>
    /// Spends the same time as a real verification, for logins of unknown emails: a faster "no such user"
    /// answer would tell an attacker which emails exist.
    /// </summary>
    public void VerifyNothing(string password) =>
        Compute(string.IsNullOrEmpty(password) ? EmptyStandIn : password, new byte[SaltBytes], MemoryKiB, Iterations, Parallelism, HashBytes);

    private static byte[] Compute(string password, byte[] salt, int memoryKiB, int iterations, int parallelism, int length)
    {
        using var argon = new Argon2id(Encoding.UTF8.GetBytes(password))
        {
            Salt = salt,
            MemorySize = memoryKiB,
            Iterations = iterations,
            DegreeOfParallelism = parallelism,
        };
        return argon.GetBytes(length);
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static byte[] Decode(string text) => Convert.FromBase64String(text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '='));
}
