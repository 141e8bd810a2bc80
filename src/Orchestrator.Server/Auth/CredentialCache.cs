using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestrator.Storage.Credentials;

namespace Orchestrator.Server.Auth;

/// <summary>
/// Verified API keys kept in memory by key hash, so an authenticated request costs no database round trip.
/// Safe because the cache is dropped whenever a credential is revoked: at once in this process (the revoking
/// code calls <see cref="Clear"/>) and within a second in any other (<see cref="CredentialEpochWatcher"/>
/// sees the 'credentials' epoch move). Entries also age out after a minute. Unknown keys are never cached.
/// Expiry, IP and endpoint restrictions are still checked on every request from the cached row.
/// </summary>
public sealed class CredentialCache(TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (ApiKeyCredential Key, DateTimeOffset CachedAt)> _keys = new(StringComparer.Ordinal);

    public ApiKeyCredential? Get(string keyHash) =>
        _keys.TryGetValue(keyHash, out var entry) && time.GetUtcNow() - entry.CachedAt < MaxAge ? entry.Key : null;

    public void Set(string keyHash, ApiKeyCredential key)
    {
        // Bounded: a flood of distinct valid keys cannot grow it without limit.
        if (_keys.Count >= 100_000)
        {
            _keys.Clear();
        }

        _keys[keyHash] = (key, time.GetUtcNow());
    }

    public void Clear() => _keys.Clear();
}

/// <summary>Polls the 'credentials' epoch every second and clears <see cref="CredentialCache"/> when it moves.</summary>
public sealed class CredentialEpochWatcher(CredentialLookup lookup, CredentialCache cache, ILogger<CredentialEpochWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long? seen = null;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        do
        {
            try
            {
                var epoch = await lookup.ReadCredentialsEpochAsync(stoppingToken);
                if (seen is not null && epoch != seen)
                {
                    cache.Clear();
                }

                seen = epoch;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Unknown whether anything was revoked meanwhile: drop the cache rather than trust it.
                cache.Clear();
                seen = null;
                logger.LogWarning(ex, "Cannot read the credentials epoch; cached credentials dropped");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
