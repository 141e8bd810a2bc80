using System.Globalization;

namespace Orchestrator.Integration.Tests.Trading;

/// <summary>One order request of the crash test, exactly as it is sent (and re-sent after the restart).</summary>
public sealed record CrashOrder(Guid AccountId, string ClientOrderId, string Symbol, string Side, string OrderType, decimal Quantity, decimal? LimitPrice)
{
    public object Body => new
    {
        accountId = AccountId,
        clientOrderId = ClientOrderId,
        symbol = Symbol,
        side = Side,
        orderType = OrderType,
        quantity = Quantity,
        limitPrice = LimitPrice,
        timeInForce = OrderType == "LIMIT" ? "GTC" : "DAY",
    };

    /// <summary>The last bar's close per symbol: market orders fill there, limits rest 10 % away from it.</summary>
    public static readonly IReadOnlyDictionary<string, decimal> Closes = new Dictionary<string, decimal>
    {
        ["ACME"] = 101.37m,
        ["BOLT"] = 48.1234m,
        ["CRUX"] = 7.05m,
    };

    /// <summary>
    /// A deterministic mix over the accounts and symbols: a quarter each of market buys and market sells (they
    /// fill at once, opening, adding to, closing and flipping positions, short included) and of limit buys
    /// below and limit sells above the market (they rest). Quantities vary so commissions are both the
    /// $1.00 minimum and per share.
    /// </summary>
    public static List<CrashOrder> Mix(IReadOnlyList<Guid> accounts, int count)
    {
        var symbols = Closes.Keys.ToArray();
        var orders = new List<CrashOrder>(count);
        for (var i = 0; i < count; i++)
        {
            var symbol = symbols[i % symbols.Length];
            var close = Closes[symbol];
            var quantity = 1 + (i * 37 % 150);
            var clientId = string.Create(CultureInfo.InvariantCulture, $"crash-{i:D4}");
            var account = accounts[i % accounts.Count];
            orders.Add((i / symbols.Length % 4) switch
            {
                0 => new CrashOrder(account, clientId, symbol, "BUY", "MARKET", quantity, null),
                1 => new CrashOrder(account, clientId, symbol, "SELL", "MARKET", quantity, null),
                2 => new CrashOrder(account, clientId, symbol, "BUY", "LIMIT", quantity, decimal.Round(close * 0.9m, 2)),
                _ => new CrashOrder(account, clientId, symbol, "SELL", "LIMIT", quantity, decimal.Round(close * 1.1m, 2)),
            });
        }

        return orders;
    }
}
