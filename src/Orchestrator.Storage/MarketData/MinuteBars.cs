using System.Globalization;
using Orchestrator.Domain.MarketData;

namespace Orchestrator.Storage.MarketData;

/// <summary>Conversions shared by the bar stores between <see cref="StoredBar"/> and a <c>market_data_1m</c> row.</summary>
internal static class MinuteBars
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    /// <summary>The columns of <c>market_data_1m</c> in the order the stores read and write them.</summary>
    public static readonly string[] Columns =
        ["symbol", "timestamp", "open_price", "high_price", "low_price", "close_price", "volume", "vwap", "bid", "ask", "bid_size", "ask_size"];

    public static string ColumnList { get; } = string.Join(", ", Columns);

    public static StoredBar Checked(StoredBar bar) =>
        bar.Period == Period
            ? bar
            : throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"bar stores keep 1-minute bars; {bar.Symbol} at {bar.Start:O} lasts {bar.Period}"), nameof(bar));

    /// <summary>
    /// <c>volume</c> is BIGINT in the seed's schema: a fractional volume (crypto) is rounded to the nearest unit,
    /// half away from zero.
    /// </summary>
    public static long Volume(decimal volume) => (long)decimal.Round(volume, 0, MidpointRounding.AwayFromZero);

    /// <summary><c>bid_size</c> and <c>ask_size</c> are INTEGER: rounded like <see cref="Volume"/>; out of range throws.</summary>
    public static int? Size(decimal? size) => size is { } s ? (int)decimal.Round(s, 0, MidpointRounding.AwayFromZero) : null;

    /// <summary>Prices are DECIMAL(15,8): kept to 8 decimals, as PostgreSQL's numeric rounds (half away from zero).</summary>
    public static decimal Price(decimal price) => decimal.Round(price, 8, MidpointRounding.AwayFromZero);

    public static decimal? Price(decimal? price) => price is { } p ? Price(p) : null;
}
