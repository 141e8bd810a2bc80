using Orchestrator.Domain.Portfolio;
using Orchestrator.Storage.Model.Entities;
using DomainOrder = Orchestrator.Domain.Orders.Order;

namespace Orchestrator.Server.Trading;

/// <summary>An account as its writer holds it: the engine's state plus the row facts the engine has no use for.</summary>
internal sealed class LoadedAccount(TradingAccount account, Guid userId, string brokerAccountId)
{
    public TradingAccount Account { get; } = account;

    public Guid UserId { get; } = userId;

    public string BrokerAccountId { get; } = brokerAccountId;

    public bool Connected { get; private set; }

    public bool Deleted { get; private set; }

    /// <summary>Every order the writer has seen since it loaded, by id (open ones come from the database on load).</summary>
    public Dictionary<Guid, OrderRecord> Records { get; } = [];

    /// <summary>
    /// The latest price seen per symbol. A bar's mark and the bar's fills reach the writer by different paths; a
    /// fill that arrives after its bar's mark applies it, so the position is never left at the fill price.
    /// </summary>
    public Dictionary<string, (decimal Price, DateTimeOffset At)> LastMarks { get; } = new(StringComparer.Ordinal);

    /// <summary>When each symbol's position row was last written for a mark (wall clock; see <see cref="MarkCommand"/>).</summary>
    public Dictionary<string, DateTimeOffset> PositionWrittenAt { get; } = new(StringComparer.Ordinal);

    /// <summary>The protective stop of each open position that has one, by symbol (see <see cref="ProtectiveStops"/>).</summary>
    public Dictionary<string, Domain.Risk.Stops.ProtectiveStop> Stops { get; } = new(StringComparer.Ordinal);

    /// <summary>The user's risk settings as last loaded, and the <see cref="Risk.RiskEpochs"/> value they were loaded at.</summary>
    public Risk.RiskSettings? Risk { get; set; }

    public long RiskEpoch { get; set; }

    /// <summary>The New York trading day <see cref="SessionOpenEquity"/> belongs to.</summary>
    public DateOnly? RiskDay { get; set; }

    /// <summary>The equity the day's loss is measured from.</summary>
    public decimal? SessionOpenEquity { get; set; }

    /// <summary>A daily loss breach was reported to the kill switch; not again until the settings change or the day turns.</summary>
    public bool HaltRequested { get; set; }

    /// <summary>The return correlations the account's orders were last checked with, reused while they cover the next order.</summary>
    public Risk.AccountCorrelations Correlations { get; } = new();

    public void ApplyAccountRow(UserBrokerAccount row)
    {
        Connected = row.IsConnected == true;
        Deleted = row.DeletedAt is not null;
        Account.UpdateLimits(new AccountLimits(row.MaxPositionSize, row.MaxDailyVolume, row.AllowedSymbols?.ToHashSet(StringComparer.Ordinal)));
    }

    public (DomainOrder Order, OrderRecord Record)? Find(Guid orderId) =>
        Account.FindOrder(orderId) is { } order && Records.TryGetValue(orderId, out var record) ? (order, record) : null;
}
