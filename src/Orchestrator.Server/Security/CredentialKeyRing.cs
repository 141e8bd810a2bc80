using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Orchestrator.Storage.Configuration;

namespace Orchestrator.Server.Security;

/// <summary>
/// The AES-256 keys that encrypt broker credentials, by id, and the one new ciphertext is written under.
/// Keys come from configuration (<c>BrokerCredentials:Keys:&lt;id&gt;</c> = base64 of 32 bytes, with
/// <c>BrokerCredentials:ActiveKeyId</c>), or, when none is configured, from a key file beside the data
/// (<c>BrokerCredentials:KeyFile</c>, created owner-readable only on first use), so the embedded default is
/// encrypted too. Old keys stay in the ring so existing ciphertext can be read until <c>keys rotate</c> has
/// re-encrypted it.
/// </summary>
public sealed class CredentialKeyRing
{
    public const string Section = "BrokerCredentials";
    private const int KeyBytes = 32;
    private readonly Dictionary<string, byte[]> _keys;

    private CredentialKeyRing(Dictionary<string, byte[]> keys, string activeKeyId, string? keyFile)
    {
        _keys = keys;
        ActiveKeyId = activeKeyId;
        KeyFile = keyFile;
    }

    public string ActiveKeyId { get; private set; }

    /// <summary>The file the keys live in, or null when they come from configuration.</summary>
    public string? KeyFile { get; }

    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    public byte[] Key(string keyId) =>
        _keys.TryGetValue(keyId, out var key) ? key : throw new CryptographicException($"Broker credentials were encrypted under key '{keyId}', which is not configured.");

    /// <summary>Reads the ring from configuration; <paramref name="defaultKeyFile"/> is used when no key is configured.</summary>
    public static CredentialKeyRing Load(IConfiguration configuration, string defaultKeyFile)
    {
        var section = configuration.GetSection(Section);
        var configured = section.GetSection("Keys").GetChildren().ToDictionary(c => c.Key, c => Decode(c.Key, c.Value), StringComparer.Ordinal);
        if (configured.Count > 0)
        {
            var active = section["ActiveKeyId"] ?? (configured.Count == 1 ? configured.Keys.Single() : null)
                ?? throw new ConfigurationException($"{Section}:ActiveKeyId must name one of the configured keys when there are several.");
            return configured.ContainsKey(active)
                ? new CredentialKeyRing(configured, active, null)
                : throw new ConfigurationException($"{Section}:ActiveKeyId '{active}' is not one of {Section}:Keys.");
        }

        var file = section["KeyFile"] is { Length: > 0 } path ? path : defaultKeyFile;
        return File.Exists(file) ? ReadFile(file) : CreateFile(file);
    }

    /// <summary>Adds a fresh key to the key file and makes it the active one (what <c>keys rotate</c> does first).</summary>
    public string AddKeyToFile()
    {
        if (KeyFile is null)
        {
            throw new InvalidOperationException($"The keys come from configuration: add a key under {Section}:Keys and set {Section}:ActiveKeyId, then rotate.");
        }

        // k1, k2, ...: never the id of a key already in the ring, whose ciphertext would become unreadable.
        var id = "k" + (_keys.Keys.Select(k => k.Length > 1 && k[0] == 'k' && int.TryParse(k.AsSpan(1), out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1);
        _keys[id] = RandomNumberGenerator.GetBytes(KeyBytes);
        ActiveKeyId = id;
        Write(KeyFile, _keys, id);
        return id;
    }

    public static string NewKeyBase64() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes));

    private static byte[] Decode(string id, string? value)
    {
        try
        {
            var key = Convert.FromBase64String(value ?? string.Empty);
            return key.Length == KeyBytes ? key : throw new FormatException();
        }
        catch (FormatException)
        {
            throw new ConfigurationException($"{Section}:Keys:{id} must be the base64 of {KeyBytes} random bytes (orchestrator keys generate prints one).");
        }
    }

    private sealed record KeyFileContent(string ActiveKeyId, Dictionary<string, string> Keys);

    private static CredentialKeyRing ReadFile(string file)
    {
        var content = JsonSerializer.Deserialize<KeyFileContent>(File.ReadAllText(file))
            ?? throw new ConfigurationException($"The key file {file} is empty.");
        var keys = content.Keys.ToDictionary(k => k.Key, k => Decode(k.Key, k.Value), StringComparer.Ordinal);
        return keys.ContainsKey(content.ActiveKeyId)
            ? new CredentialKeyRing(keys, content.ActiveKeyId, file)
            : throw new ConfigurationException($"The key file {file} names an active key it does not hold.");
    }

    private static CredentialKeyRing CreateFile(string file)
    {
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal) { ["k1"] = RandomNumberGenerator.GetBytes(KeyBytes) };
        Write(file, keys, "k1");
        return new CredentialKeyRing(keys, "k1", file);
    }

    private static void Write(string file, Dictionary<string, byte[]> keys, string activeKeyId)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        Directory.CreateDirectory(folder);
        var json = JsonSerializer.Serialize(new KeyFileContent(activeKeyId, keys.ToDictionary(k => k.Key, k => Convert.ToBase64String(k.Value))));
        var temporary = file + ".tmp";
        // Owner read/write only, set before the key is written; replaced atomically so a crash never leaves half a file.
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(json);
        }

        File.Move(temporary, file, overwrite: true);
    }
}
