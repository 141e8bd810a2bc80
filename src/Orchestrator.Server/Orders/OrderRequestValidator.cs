using System.Globalization;
using Orchestrator.Domain.Orders;
using Orchestrator.Server.Accounts;
using Orchestrator.Server.Trading;
using Orchestrator.Server.Validation;
using DomainOrder = Orchestrator.Domain.Orders.Order;

namespace Orchestrator.Server.Orders;

/// <summary>
/// Checks an order request field by field (every bad field is named in the 422) and builds the engine's order.
/// Prices and quantities must fit the seed's columns exactly: nothing is rounded silently. Both the order path and
/// the dry run (<c>POST /risk/check</c>) validate here, so they cannot disagree about what a valid order is.
/// </summary>
public static class OrderRequestValidator
{
    /// <summary>The largest price the seed's <c>DECIMAL(15,8)</c> price columns hold.</summary>
    public const decimal MaxPrice = 9_999_999.99999999m;

    /// <summary>The largest quantity the seed's <c>DECIMAL(20,8)</c> quantity columns hold.</summary>
    public const decimal MaxQuantity = 999_999_999_999.99999999m;

    /// <param name="request">The order as the client sent it.</param>
    /// <param name="now">To tell a goodTillDate in the future.</param>
    /// <param name="symbols">The symbol universe: whether it lists the symbol, whether it is active, its tick size.</param>
    public static (DomainOrder? Order, string? ClientOrderId, ValidationErrors Errors) Validate(PlaceOrderRequest request, DateTimeOffset now, SymbolDirectory symbols)
    {
        var errors = new ValidationErrors();
        var side = OrderCodes.ParseSide(request.Side);
        var type = OrderCodes.ParseType(request.OrderType);
        var timeInForce = request.TimeInForce is null ? TimeInForce.Day : OrderCodes.ParseTimeInForce(request.TimeInForce);
        var symbol = request.Symbol?.Trim().ToUpperInvariant();
        var clientOrderId = request.ClientOrderId?.Trim();
        errors.Check(request.AccountId is not null, "accountId", "is required.")
            .Check(clientOrderId is null || (clientOrderId.Length is > 0 and <= 100 && clientOrderId.All(c => c is >= '!' and <= '~')), "clientOrderId", "must be 1 to 100 printable ASCII characters without spaces.")
            .Check(side is not null, "side", "must be BUY or SELL.")
            .Check(type is not null, "orderType", "must be MARKET, LIMIT, STOP or STOP_LIMIT.")
            .Check(timeInForce is not null, "timeInForce", "must be DAY, GTC, IOC, FOK or GTD.")
            .Check("symbol", AccountLimitRules.SymbolProblem(symbol) ?? UniverseProblem(symbol!, symbols))
            .Check("quantity", AmountProblem(request.Quantity, MaxQuantity, "is required."));

        var needsLimit = type is OrderType.Limit or OrderType.StopLimit;
        var needsStop = type is OrderType.Stop or OrderType.StopLimit;
        Price(errors, "limitPrice", request.LimitPrice, needsLimit, type);
        Price(errors, "stopPrice", request.StopPrice, needsStop, type);
        errors.Check(timeInForce == TimeInForce.Gtd ? request.GoodTillDate is not null : request.GoodTillDate is null, "goodTillDate",
                timeInForce == TimeInForce.Gtd ? "is required when timeInForce is GTD." : "applies only when timeInForce is GTD.")
            .Check(request.GoodTillDate is null || request.GoodTillDate > now, "goodTillDate", "must be in the future.")
            .Check(!(type == OrderType.Market && timeInForce is TimeInForce.Gtc or TimeInForce.Gtd), "timeInForce", "a MARKET order must be DAY, IOC or FOK.");
        if (errors.Any)
        {
            return (null, clientOrderId, errors);
        }

        // Prices must sit on the symbol's tick grid (market_symbols.tick_size), as an exchange would insist.
        if (symbols.Get(symbol!).TickSize is { } tick)
        {
            var grid = $"must be a multiple of {symbol}'s tick size {tick.ToString("0.########", CultureInfo.InvariantCulture)}.";
            errors.Check(request.LimitPrice is not { } limit || limit % tick == 0, "limitPrice", grid)
                .Check(request.StopPrice is not { } stop || stop % tick == 0, "stopPrice", grid);
            if (errors.Any)
            {
                return (null, clientOrderId, errors);
            }
        }

        // Microsecond precision, as PostgreSQL stores it, so a re-sent order compares equal to the stored one.
        var goodTill = request.GoodTillDate is { } gtd ? new DateTimeOffset(gtd.UtcTicks - gtd.UtcTicks % 10, TimeSpan.Zero) : (DateTimeOffset?)null;
        var order = new DomainOrder(Guid.CreateVersion7(now), symbol!, side!.Value, type!.Value, request.Quantity!.Value, timeInForce!.Value,
            request.LimitPrice, request.StopPrice, goodTill);
        return (order, clientOrderId, errors);
    }

    /// <summary>Why the universe refuses new orders in <paramref name="symbol"/>: not listed, or listed inactive; null when it takes them.</summary>
    private static string? UniverseProblem(string symbol, SymbolDirectory symbols) => symbols.Get(symbol) switch
    {
        { Listed: false } => $"'{symbol}' is not in the symbol universe (GET /api/v1/symbols; an operator adds it with orchestrator data symbols set {symbol} --exchange E --asset-class C).",
        { IsActive: false } => $"'{symbol}' is inactive in the symbol universe: it takes no new orders (cancels and exits still work).",
        _ => null,
    };

    private static void Price(ValidationErrors errors, string field, decimal? value, bool required, OrderType? type)
    {
        if (type is null)
        {
            return;
        }

        if (!required)
        {
            errors.Check(value is null, field, $"does not apply to a {type.Value.ToSeedName()} order.");
            return;
        }

        errors.Check(field, AmountProblem(value, MaxPrice, $"is required for a {type.Value.ToSeedName()} order."));
    }

    /// <summary>What is wrong with a price or quantity, one thing at a time: missing, not positive, too large, too precise.</summary>
    private static string? AmountProblem(decimal? value, decimal max, string missing) => value switch
    {
        null => missing,
        <= 0 => "must be positive.",
        { } v when v > max => $"must be at most {max.ToString(CultureInfo.InvariantCulture)}, the largest its column holds.",
        // Trailing zeros are fine (1.50000000000 is 1.5); a ninth significant decimal is not.
        { } v when decimal.Round(v, 8) != v => "must have at most 8 decimals.",
        _ => null,
    };
}
