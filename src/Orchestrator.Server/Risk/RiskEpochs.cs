using System.Collections.Concurrent;

namespace Orchestrator.Server.Risk;

/// <summary>
/// A counter per user that moves whenever the user's risk settings change (active profile, its limits, the kill
/// switch, the daily loss limit): each account writer compares it with the one it loaded its settings at and
/// reloads them before its next order. In process: one trading server per database, as the writers already assume.
/// </summary>
public sealed class RiskEpochs
{
    private readonly ConcurrentDictionary<Guid, long> _epochs = new();

    public long Of(Guid userId) => _epochs.GetValueOrDefault(userId);

    public void Changed(Guid userId) => _epochs.AddOrUpdate(userId, 1, static (_, epoch) => epoch + 1);
}
