using Microsoft.EntityFrameworkCore;

namespace Orchestrator.Server.Trading;

/// <summary>Reads the stored claims of every client order id a batch submits, in one query (one round trip per batch).</summary>
internal static class ClientIdClaims
{
    public static async Task PrefetchAsync(AccountWriter writer, WriterBatch batch, List<WriterCommand> commands, CancellationToken ct)
    {
        var ids = commands.OfType<SubmitOrderCommand>().Select(c => c.ClientOrderId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var accountId = writer.AccountId;
        var claims = await batch.Db.OrderClientIds.AsNoTracking()
            .Where(c => c.AccountId == accountId && ids.Contains(c.ClientOrderId))
            .Select(c => new { c.ClientOrderId, c.OrderId, c.OrderSubmittedAt }).ToListAsync(ct);
        foreach (var claim in claims)
        {
            batch.StoredClaims[claim.ClientOrderId] = (claim.OrderId, claim.OrderSubmittedAt);
        }
    }
}
