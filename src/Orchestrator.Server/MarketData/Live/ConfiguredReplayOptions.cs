using Orchestrator.Storage.Configuration;

namespace Orchestrator.Server.MarketData.Live;

/// <summary>
/// The <c>Replay</c> configuration section: stored bars a server plays into its market feed from the start, as a
/// live feed would deliver them (see <see cref="ConfiguredReplay"/>). Off while <see cref="Symbols"/> is empty.
/// </summary>
public sealed class ConfiguredReplayOptions
{
    public const string Section = "Replay";

    /// <summary>Comma-separated symbols, e.g. <c>SYN001,SYN002</c>.</summary>
    public string? Symbols { get; set; }

    /// <summary>The first bar's start (inclusive).</summary>
    public DateTimeOffset? From { get; set; }

    /// <summary>Where the replay ends (exclusive).</summary>
    public DateTimeOffset? To { get; set; }

    /// <summary>Times the real pace (60: a minute of bars per second); 0 plays as fast as possible.</summary>
    public double Speed { get; set; } = 1;

    /// <summary>
    /// The wall-clock instant at which <see cref="From"/> plays (a server started before it waits; default: as soon as the
    /// server has started). A server started
    /// later with the same instant joins the replay where it stands by then, as a live feed goes on while a server is
    /// down: a restarted server continues the replay instead of starting it over (the bars of the downtime are missed,
    /// as they would be live). Needs a <see cref="Speed"/> above 0.
    /// </summary>
    public DateTimeOffset? StartedAt { get; set; }

    public IReadOnlyList<string> SymbolList =>
        (Symbols ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool Enabled => SymbolList.Count > 0;

    /// <summary>Refuses a replay that cannot run, naming the key.</summary>
    public ConfiguredReplayOptions Validated()
    {
        if (!Enabled)
        {
            return this;
        }

        if (From is not { } from || To is not { } to || from >= to)
        {
            throw new ConfigurationException($"{Section}:From and {Section}:To must be set, From before To, when {Section}:Symbols is.");
        }

        if (!(Speed >= 0) || double.IsInfinity(Speed))
        {
            throw new ConfigurationException($"{Section}:Speed must be 0 (as fast as possible) or a positive multiple of the real pace.");
        }

        if (StartedAt is not null && Speed == 0)
        {
            throw new ConfigurationException($"{Section}:StartedAt needs a {Section}:Speed above 0.");
        }

        return this;
    }
}
