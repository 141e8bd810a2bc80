using Orchestrator.Integration.Tests.Support;

namespace Orchestrator.Integration.Tests.Trading;

/// <summary>
/// What the database holds after the crash, read with plain SQL (not through the server under test): orders,
/// idempotency claims, fills, open positions and each account's latest balance.
/// </summary>
public sealed record CrashLedger(
    IReadOnlyList<CrashLedger.OrderRow> Orders,
    IReadOnlyList<(string ClientOrderId, Guid AccountId, Guid OrderId)> Claims,
    IReadOnlyList<CrashLedger.FillRow> Fills,
    IReadOnlyList<(Guid AccountId, string Symbol, decimal Quantity)> OpenPositions,
    IReadOnlyDictionary<Guid, decimal> LatestCash)
{
    public sealed record OrderRow(Guid OrderId, Guid AccountId, string? ClientOrderId, string Status, decimal FilledQuantity, decimal Commission);

    public sealed record FillRow(Guid OrderId, Guid AccountId, string Symbol, string Side, decimal Quantity, decimal Price, decimal Commission, string? TradeId);

    public static async Task<CrashLedger> ReadAsync(TestDatabase db) => new(
        await db.QueryAsync("SELECT order_id, account_id, client_order_id, status, COALESCE(filled_quantity, 0), COALESCE(commission, 0) FROM orders",
            r => new OrderRow(r.GetGuid(0), r.GetGuid(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), r.GetDecimal(4), r.GetDecimal(5))),
        await db.QueryAsync("SELECT client_order_id, account_id, order_id FROM order_client_ids", r => (r.GetString(0), r.GetGuid(1), r.GetGuid(2))),
        await db.QueryAsync(
            """
            SELECT f.order_id, o.account_id, o.symbol, o.side, f.fill_quantity, f.fill_price, COALESCE(f.commission, 0), f.trade_id
            FROM order_fills f JOIN orders o ON o.order_id = f.order_id AND o.submitted_at = f.order_submitted_at
            """,
            r => new FillRow(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetDecimal(4), r.GetDecimal(5), r.GetDecimal(6), r.IsDBNull(7) ? null : r.GetString(7))),
        await db.QueryAsync("SELECT account_id, symbol, quantity FROM account_positions WHERE closed_at IS NULL", r => (r.GetGuid(0), r.GetString(1), r.GetDecimal(2))),
        (await db.QueryAsync("SELECT DISTINCT ON (account_id) account_id, cash_balance FROM account_balances ORDER BY account_id, recorded_at DESC",
            r => (r.GetGuid(0), r.GetDecimal(1)))).ToDictionary(x => x.Item1, x => x.Item2));

    /// <summary>
    /// Every account's books agree with its fills: open quantity per symbol is the signed sum of the fills,
    /// cash is the starting cash minus what buys cost plus what sells earned minus commissions (to the cent
    /// and beyond: exact decimals), and each order's filled quantity and commission are the sums of its fills.
    /// </summary>
    public List<string> Discrepancies(IReadOnlyList<Guid> accounts, decimal startingCash)
    {
        var problems = new List<string>();
        foreach (var account in accounts)
        {
            var fills = Fills.Where(f => f.AccountId == account).ToList();
            foreach (var symbol in fills.Select(f => f.Symbol).Union(OpenPositions.Where(p => p.AccountId == account).Select(p => p.Symbol)).Distinct())
            {
                var expected = fills.Where(f => f.Symbol == symbol).Sum(f => f.Side == "BUY" ? f.Quantity : -f.Quantity);
                var held = OpenPositions.Where(p => p.AccountId == account && p.Symbol == symbol).Sum(p => p.Quantity);
                if (held != expected)
                {
                    problems.Add($"account {account} {symbol}: open positions hold {held}, the fills sum to {expected}");
                }
            }

            var cash = startingCash - fills.Sum(f => (f.Side == "BUY" ? f.Quantity * f.Price : -f.Quantity * f.Price) + f.Commission);
            var stored = LatestCash.GetValueOrDefault(account);
            if (stored != cash)
            {
                problems.Add($"account {account}: latest balance cash {stored}, the fills say {cash}");
            }
        }

        foreach (var order in Orders)
        {
            var own = Fills.Where(f => f.OrderId == order.OrderId).ToList();
            if (own.Sum(f => f.Quantity) != order.FilledQuantity || own.Sum(f => f.Commission) != order.Commission)
            {
                problems.Add($"order {order.OrderId}: filled {order.FilledQuantity} / commission {order.Commission}, its fills {own.Sum(f => f.Quantity)} / {own.Sum(f => f.Commission)}");
            }
        }

        // Trade ids continue after a restart (the sequence is recovered from the stored fills), never repeat.
        foreach (var repeated in Fills.GroupBy(f => f.TradeId).Where(g => g.Count() > 1))
        {
            problems.Add($"trade id {repeated.Key} is on {repeated.Count()} fills");
        }

        return problems;
    }
}
