using System.CommandLine;

namespace Orchestrator.Cli.Commands;

/// <summary>
/// The switches that describe an order (<c>orders place</c>, <c>risk check</c>) and the API body they make, with
/// the seed's spellings upper-cased as the API expects.
/// </summary>
public sealed class OrderOptions
{
    public Option<Guid> Account { get; } = new("--account") { Description = "The account id", Required = true };

    public Option<string> Symbol { get; } = new("--symbol") { Description = "The symbol, e.g. AAPL", Required = true };

    public Option<string> Side { get; } = new("--side") { Description = "BUY or SELL", Required = true };

    public Option<string> Type { get; } = new("--type") { Description = "MARKET, LIMIT, STOP or STOP_LIMIT", DefaultValueFactory = _ => "MARKET" };

    public Option<decimal> Quantity { get; } = new("--quantity") { Description = "How many", Required = true };

    public Option<decimal?> LimitPrice { get; } = new("--limit-price") { Description = "For LIMIT and STOP_LIMIT" };

    public Option<decimal?> StopPrice { get; } = new("--stop-price") { Description = "For STOP and STOP_LIMIT" };

    public Option<string> TimeInForce { get; } = new("--tif") { Description = "DAY, GTC, IOC, FOK or GTD", DefaultValueFactory = _ => "DAY" };

    public Option<DateTimeOffset?> GoodTill { get; } = new("--good-till") { Description = "For GTD: when the order expires (ISO 8601)" };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { Account, Symbol, Side, Type, Quantity, LimitPrice, StopPrice, TimeInForce, GoodTill })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The body of <c>POST /api/v1/orders</c> (and of the dry run, which takes the same).</summary>
    public object Body(ParseResult parse, string? clientOrderId = null)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new
        {
            accountId = parse.GetValue(Account),
            clientOrderId,
            symbol = parse.GetValue(Symbol),
            side = parse.GetValue(Side)?.ToUpperInvariant(),
            orderType = parse.GetValue(Type)?.ToUpperInvariant(),
            quantity = parse.GetValue(Quantity),
            limitPrice = parse.GetValue(LimitPrice),
            stopPrice = parse.GetValue(StopPrice),
            timeInForce = parse.GetValue(TimeInForce)?.ToUpperInvariant(),
            goodTillDate = parse.GetValue(GoodTill),
        };
    }
}
