namespace Orchestrator.Storage.Model.Entities;

/// <summary>A row of <c>cache_epochs</c>: a counter bumped whenever the cached data it names changes.</summary>
public sealed class CacheEpoch
{
    public string Name { get; set; } = string.Empty;

    public long Epoch { get; set; }

    public DateTime? UpdatedAt { get; set; }
}
