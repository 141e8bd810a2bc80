using System.Net;
using Microsoft.Extensions.Options;
using Orchestrator.Server.RateLimiting;
using Orchestrator.Server.Security;

namespace Orchestrator.Server.Auth;

/// <summary>
/// Slows password guessing: after <see cref="SecurityOptions.LoginFailuresPerAccount"/> failures for one email,
/// or <see cref="SecurityOptions.LoginFailuresPerIp"/> from one IP, within the failure window, login attempts
/// are refused until the window ends. Counters are kept for any email, registered or not, so the answers
/// never tell which emails exist.
/// </summary>
public sealed class LoginThrottle(ICounterStore counters, TimeProvider time, IOptions<SecurityOptions> options)
{
    private FixedWindow Window => new(options.Value.LoginFailureWindow);

    /// <summary>How long until attempts are allowed again, or null when they are allowed now.</summary>
    public async Task<TimeSpan?> BlockedForAsync(string email, IPAddress? ip)
    {
        var now = time.GetUtcNow();
        var accountFailures = await counters.ReadAsync(AccountKey(email), Window, now);
        var ipFailures = await counters.ReadAsync(IpKey(ip), Window, now);
        return accountFailures >= options.Value.LoginFailuresPerAccount || ipFailures >= options.Value.LoginFailuresPerIp
            ? Window.End(now) - now
            : null;
    }

    public async Task RecordFailureAsync(string email, IPAddress? ip)
    {
        var now = time.GetUtcNow();
        await counters.IncrementAsync(AccountKey(email), Window, now);
        await counters.IncrementAsync(IpKey(ip), Window, now);
    }

    public Task RecordSuccessAsync(string email) => counters.ResetAsync(AccountKey(email), Window, time.GetUtcNow());

    // The email is hashed so the counter store never holds addresses.
    private static string AccountKey(string email) => "login:account:" + SecretTokens.Hash(email.Trim().ToLowerInvariant());

    private static string IpKey(IPAddress? ip) => $"login:ip:{ip}";
}
