using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Domain.MarketData;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Validation;
using Orchestrator.Storage.MarketData;

namespace Orchestrator.Server.MarketData;

/// <summary><c>/api/v1/bars/{symbol}</c>: stored bars for a range, at 1m, 5m, 15m, 1h or 1d, streamed as a JSON array.</summary>
public static class BarsEndpoints
{
    /// <summary>A 1-minute range is at most a month (about 30,000 bars of a 24-hour market); aggregated ones five years.</summary>
    private static readonly TimeSpan MaxMinuteRange = TimeSpan.FromDays(31);
    private static readonly TimeSpan MaxRange = TimeSpan.FromDays(5 * 366);

    public static IEndpointRouteBuilder MapBarsApiV1(this IEndpointRouteBuilder app)
    {
        app.MapGet(ServerDefaults.ApiPrefix + "/bars/{symbol}", Get).WithTags("Market data").RequireAuthorization(ApiAccessRequirement.PolicyName)
            .WithName("GetBars").WithSummary("Bars of a symbol in [from, to), in time order, at an interval (default 1m)");
        return app;
    }

    private static Results<Ok<IAsyncEnumerable<BarView>>, ProblemHttpResult> Get(
        string symbol, DateTimeOffset? from, DateTimeOffset? to, IBarStore store, CancellationToken ct, string interval = "1m")
    {
        var valid = BarInterval.TryParse(interval, out var size);
        var errors = new ValidationErrors()
            .Check(from is not null, "from", "is required (ISO 8601).")
            .Check(to is not null, "to", "is required (ISO 8601).")
            .Check(valid, "interval", "must be 1m, 5m, 15m, 1h or 1d.")
            .Check(from is null || to is null || from < to, "from", "must be before to.")
            .Check(from is null || to is null || !valid || to - from <= (size == BarInterval.OneMinute ? MaxMinuteRange : MaxRange), "to",
                size == BarInterval.OneMinute ? "a 1-minute range may span at most 31 days; use a larger interval." : "a range may span at most five years.");
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var bars = store.ReadAsync([symbol.ToUpperInvariant()], from!.Value, to!.Value, ct);
        if (size != BarInterval.OneMinute)
        {
            bars = BarAggregator.AggregateAsync(bars, size, ct: ct);
        }

        return TypedResults.Ok(Views(bars));
    }

    private static async IAsyncEnumerable<BarView> Views(IAsyncEnumerable<StoredBar> bars)
    {
        await foreach (var bar in bars)
        {
            yield return BarView.From(bar);
        }
    }
}

/// <summary>One bar as the API writes it; VWAP rounded to the columns' 8 decimals.</summary>
public sealed record BarView(string Symbol, DateTimeOffset Time, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume,
    decimal? Vwap, decimal? Bid, decimal? Ask)
{
    public static BarView From(StoredBar bar) => new(bar.Symbol, bar.Start, bar.Bar.Open, bar.Bar.High, bar.Bar.Low, bar.Bar.Close, bar.Bar.Volume,
        bar.Vwap is { } vwap ? decimal.Round(vwap, 8) : null, bar.Bid, bar.Ask);
}
