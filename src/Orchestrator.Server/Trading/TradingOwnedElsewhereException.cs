namespace Orchestrator.Server.Trading;

/// <summary>Another process runs trading on this database (it holds the <c>trading</c> lease); the message names it when it can.</summary>
public sealed class TradingOwnedElsewhereException(string? holder)
    : Exception($"another orchestrator process runs trading on this database ({holder ?? "holder unknown"}); stop it first, or point this one at another database")
{
    public string? Holder { get; } = holder;
}
