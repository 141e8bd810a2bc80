using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Server.Security;

/// <summary>
/// AES-256-GCM for broker credentials. A ciphertext carries the id of its key, so keys can rotate:
/// <code>
/// [1: format version = 1][1: key id length n][n: key id, ASCII][12: nonce][16: tag][ciphertext]
/// </code>
/// The account id is the associated data: a blob copied onto another account's row fails to decrypt.
/// </summary>
public sealed class CredentialProtector(CredentialKeyRing keys)
{
    private const byte Version = 1;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public string ActiveKeyId => keys.ActiveKeyId;

    public byte[] Protect(Guid accountId, string plaintext)
    {
        var keyId = Encoding.ASCII.GetBytes(keys.ActiveKeyId);
        var message = Encoding.UTF8.GetBytes(plaintext);
        var blob = new byte[2 + keyId.Length + NonceBytes + TagBytes + message.Length];
        blob[0] = Version;
        blob[1] = (byte)keyId.Length;
        keyId.CopyTo(blob, 2);
        var nonce = blob.AsSpan(2 + keyId.Length, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        var tag = blob.AsSpan(2 + keyId.Length + NonceBytes, TagBytes);
        var ciphertext = blob.AsSpan(2 + keyId.Length + NonceBytes + TagBytes);
        using var aes = new AesGcm(keys.Key(keys.ActiveKeyId), TagBytes);
        aes.Encrypt(nonce, message, ciphertext, tag, accountId.ToByteArray());
        CryptographicOperations.ZeroMemory(message);
        return blob;
    }

    public string Unprotect(Guid accountId, byte[] blob)
    {
        var keyId = KeyIdOf(blob);
        var offset = 2 + keyId.Length;
        if (blob.Length < offset + NonceBytes + TagBytes)
        {
            throw new CryptographicException("The broker credentials ciphertext is truncated.");
        }

        var nonce = blob.AsSpan(offset, NonceBytes);
        var tag = blob.AsSpan(offset + NonceBytes, TagBytes);
        var ciphertext = blob.AsSpan(offset + NonceBytes + TagBytes);
        var plaintext = new byte[ciphertext.Length];
        using var aes = new AesGcm(keys.Key(keyId), TagBytes);
        aes.Decrypt(nonce, ciphertext, tag, plaintext, accountId.ToByteArray());
        return Encoding.UTF8.GetString(plaintext);
    }

    /// <summary>The id of the key a ciphertext was written under.</summary>
    public static string KeyIdOf(byte[] blob)
    {
        if (blob.Length < 2 || blob[0] != Version || blob.Length < 2 + blob[1])
        {
            throw new CryptographicException("The broker credentials ciphertext has an unknown format.");
        }

        return Encoding.ASCII.GetString(blob, 2, blob[1]);
    }
}
