using System.Collections.Concurrent;

namespace Orchestrator.Server.Trading;

/// <summary>
/// Each loaded account's day P&amp;L as its writer last saw it, so that a writer can hold the user's daily loss limit
/// against the sum over the user's accounts: the limit is the user's, while each account has its own writer and
/// state. Accounts count together when they share the trading day and the currency (the platform has no exchange
/// rates to add the others with; those are held to the limit on their own). An account counts from the first time its
/// writer checks it in this process: the writers of accounts with positions or working orders start with the process.
/// </summary>
public sealed class UserDayPnl
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, Entry>> _users = new();

    /// <summary>The account's day P&amp;L now (its writer calls this after each change that moved its equity).</summary>
    public void Report(Guid userId, Guid accountId, DateOnly day, string currency, decimal pnl) =>
        _users.GetOrAdd(userId, static _ => new())[accountId] = new Entry(day, currency, pnl);

    /// <summary>The sum of the day P&amp;L of the user's other accounts on <paramref name="day"/> in <paramref name="currency"/>.</summary>
    public decimal Others(Guid userId, Guid accountId, DateOnly day, string currency)
    {
        if (!_users.TryGetValue(userId, out var accounts))
        {
            return 0m;
        }

        var sum = 0m;
        foreach (var (id, entry) in accounts)
        {
            if (id != accountId && entry.Day == day && string.Equals(entry.Currency, currency, StringComparison.Ordinal))
            {
                sum += entry.Pnl;
            }
        }

        return sum;
    }

    private readonly record struct Entry(DateOnly Day, string Currency, decimal Pnl);
}
