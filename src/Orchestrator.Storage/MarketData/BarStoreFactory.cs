using Microsoft.Extensions.Configuration;
using Orchestrator.Storage.Configuration;

namespace Orchestrator.Storage.MarketData;

/// <summary>
/// Picks the bar store from configuration: with <c>Influx:Url</c> and <c>Influx:Database</c> set, InfluxDB is the
/// primary and <c>market_data_1m</c> the archive (<see cref="ArchivingBarStore"/>); otherwise the relational store alone.
/// </summary>
public static class BarStoreFactory
{
    public const string UrlKey = "Influx:Url";

    public const string DatabaseKey = "Influx:Database";

    /// <param name="exchangeOf">The <c>exchange</c> tag per symbol for InfluxDB ("UNKNOWN" when null).</param>
    /// <exception cref="ConfigurationException"><c>Influx:Url</c> is not an absolute http(s) URL.</exception>
    public static IBarStore Create(
        IConfiguration configuration, ConnectionFactory connections, HttpClient http, Func<string, string?>? exchangeOf = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var relational = new RelationalBarStore(connections);
        var url = configuration[UrlKey];
        var database = configuration[DatabaseKey];
        if (string.IsNullOrWhiteSpace(url) || string.IsNullOrWhiteSpace(database))
        {
            return relational;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ConfigurationException($"{UrlKey} must be an absolute http(s) URL, not '{url}'");
        }

        return new ArchivingBarStore(new InfluxBarStore(http, uri, database, exchangeOf), relational);
    }
}
