using System.Text.Json;
using Orchestrator.Domain.MarketData;

namespace Orchestrator.Server.MarketData.Live;

/// <summary>A market event as it travels to subscribers (and over Redis between servers), JSON with a <c>type</c>.</summary>
public sealed record LiveEvent(string Type, string Symbol, DateTimeOffset Time, decimal? Bid = null, decimal? Ask = null, decimal? BidSize = null,
    decimal? AskSize = null, decimal? Open = null, decimal? High = null, decimal? Low = null, decimal? Close = null, decimal? Volume = null)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public static LiveEvent From(Quote q) => new("quote", q.Symbol, q.Time, q.Bid, q.Ask, q.BidSize, q.AskSize);

    public static LiveEvent From(Bar b) => new("bar", b.Symbol, b.Start, Open: b.Open, High: b.High, Low: b.Low, Close: b.Close, Volume: b.Volume);

    public Quote ToQuote() => new(Symbol, Time, Bid ?? 0m, Ask ?? 0m, BidSize ?? 0m, AskSize ?? 0m);

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static LiveEvent? Deserialize(string json) => JsonSerializer.Deserialize<LiveEvent>(json, Json);
}
