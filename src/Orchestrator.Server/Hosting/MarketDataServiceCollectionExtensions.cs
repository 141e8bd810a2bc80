using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.MarketData;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.MarketData;
using Orchestrator.Storage.MarketData.Import;

namespace Orchestrator.Server.Hosting;

public static class MarketDataServiceCollectionExtensions
{
    /// <summary>The symbol universe, the bar store and the importers.</summary>
    public static IServiceCollection AddOrchestratorMarketData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IBarStore>(sp => new RelationalBarStore(sp.GetRequiredService<ConnectionFactory>()));
        services.AddSingleton<BarImporter>();
        services.AddScoped<SymbolService>();
        services.AddScoped<SyntheticData>();
        return services;
    }
}
