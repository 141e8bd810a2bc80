using Orchestrator.Storage.Model;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Server.Trading;

/// <summary>The unit of work of one writer batch: one context, one transaction, committed or rolled back whole.</summary>
internal sealed class WriterBatch(OrchestratorDbContext db, DateTimeOffset now)
{
    public OrchestratorDbContext Db { get; } = db;

    public DateTimeOffset Now { get; } = now;

    /// <summary>Cash or positions changed: the batch ends with a new balance snapshot.</summary>
    public bool BalanceChanged { get; set; }

    /// <summary>A position was marked to a new price: the day's P&amp;L moved (a fill sets <see cref="BalanceChanged"/>).</summary>
    public bool EquityMoved { get; set; }

    /// <summary>Orders this batch sent to the broker: withdrawn again if the batch cannot commit.</summary>
    public List<Guid> Submitted { get; } = [];

    /// <summary>Client order ids claimed in this batch (a duplicate inside one batch finds the first).</summary>
    public Dictionary<string, Guid> ClaimedClientIds { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Claims already stored for the batch's client order ids, read in one query before the batch runs: an id
    /// absent here and from <see cref="ClaimedClientIds"/> is new.
    /// </summary>
    public Dictionary<string, (Guid OrderId, DateTime SubmittedAt)> StoredClaims { get; } = new(StringComparer.Ordinal);

    /// <summary>Order rows this batch added or attached, by order id.</summary>
    public Dictionary<Guid, Order> Orders { get; } = [];

    /// <summary>Position rows this batch added or attached, by position id.</summary>
    public Dictionary<Guid, AccountPosition> Positions { get; } = [];

    /// <summary>The fills this batch added, with their order (for the owner's stream).</summary>
    public List<(OrderFill Fill, Domain.Orders.Order Order)> Fills { get; } = [];

    /// <summary>Position rows a fill in this batch changed (marks alone are not listed).</summary>
    public HashSet<AccountPosition> FilledPositions { get; } = [];

    /// <summary>Strategy signal rows this batch added or attached, by signal id.</summary>
    public Dictionary<Guid, TradingSignal> Signals { get; } = [];

    /// <summary>Work to do once the batch has committed (completing a cancel that waited for its event).</summary>
    public List<Action> AfterCommit { get; } = [];
}
