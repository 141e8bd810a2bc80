using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.MarketData;
using Orchestrator.Server.MarketData.Live;
using Orchestrator.Server.Trading;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.MarketData;
using Orchestrator.Storage.MarketData.Import;

namespace Orchestrator.Server.Hosting;

public static class MarketDataServiceCollectionExtensions
{
    /// <summary>The symbol universe, the bar store and the importers.</summary>
    public static IServiceCollection AddOrchestratorMarketData(this IServiceCollection services, IConfiguration configuration)
    {
        // InfluxDB primary with market_data_1m as the archive when Influx:Url and Influx:Database are set, else relational.
        services.AddSingleton<IBarStore>(sp => BarStoreFactory.Create(configuration, sp.GetRequiredService<ConnectionFactory>(),
            new HttpClient { Timeout = TimeSpan.FromMinutes(5) }, symbol => sp.GetRequiredService<SymbolDirectory>().Get(symbol).Exchange));
        services.AddSingleton<BarImporter>();
        // Latest quotes and per-symbol channels in Redis when configured (shared by every server), else in process.
        if (string.IsNullOrWhiteSpace(configuration["Redis:Configuration"]))
        {
            services.AddSingleton<IQuoteHub, MemoryQuoteHub>();
        }
        else
        {
            services.AddSingleton<IQuoteHub, RedisQuoteHub>();
        }

        services.AddSingleton<ReplayFeed>();
        // A replay by configuration (Replay:Symbols, From, To, Speed, StartedAt): off unless Replay:Symbols is set.
        services.AddOptions<ConfiguredReplayOptions>().BindConfiguration(ConfiguredReplayOptions.Section);
        services.AddHostedService<ConfiguredReplay>();
        services.AddScoped<SymbolService>();
        services.AddScoped<SyntheticData>();
        return services;
    }
}
