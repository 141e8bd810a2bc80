using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orchestrator.Domain.Matching;
using Orchestrator.Domain.Matching.Fees;
using Orchestrator.Domain.Matching.Slippage;
using Orchestrator.Server.Accounts;
using Orchestrator.Server.Orders;
using Orchestrator.Server.Portfolio;
using Orchestrator.Server.Security;
using Orchestrator.Server.Trading;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.Model;

namespace Orchestrator.Server.Hosting;

public static class TradingServiceCollectionExtensions
{
    /// <summary>Broker accounts and their encrypted credentials, the paper broker, the account writers and the order API.</summary>
    public static IServiceCollection AddOrchestratorTrading(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TradingOptions>().BindConfiguration(TradingOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TradingOptions>>().Value.Validated());
        services.AddSingleton(sp => CredentialKeyRing.Load(configuration, DefaultKeyFile(sp.GetRequiredService<DatabaseOptions>())));
        services.AddSingleton<CredentialProtector>();
        services.AddSingleton<SymbolDirectory>();
        services.AddSingleton<IFeeModel>(sp =>
        {
            var options = sp.GetRequiredService<TradingOptions>();
            return new PerShareFeeModel(options.CommissionPerShare, options.MinimumCommission);
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<TradingOptions>();
            var symbols = sp.GetRequiredService<SymbolDirectory>();
            // The trade sequence is set when TradingStartup has read the database (PaperBroker.Start).
            return new PaperBroker(new PaperExchangeOptions
            {
                ParticipationRate = options.ParticipationRate,
                FeeModel = sp.GetRequiredService<IFeeModel>(),
                SlippageModel = new FixedSlippageModel(options.SlippageFraction),
                TradingHoursFor = symbols.HoursOf,
            });
        });
        services.AddSingleton<Risk.RiskEpochs>();
        services.AddSingleton<Risk.KillSwitch.DailyLossBreaches>();
        // The writers' risk checks need these, wherever trading is hosted (the server, or the CLI's headless runner).
        services.AddSingleton<Risk.DailyHistory>();
        services.AddSingleton<Risk.CorrelationEstimates>();
        services.AddSingleton<UserDayPnl>();
        services.AddSingleton<TradingContext>();
        services.AddSingleton<TradingOwnership>();
        services.AddSingleton<AccountWriters>();
        services.AddSingleton<MarketFeed>();
        // Raises risk alerts (RiskAlertPublisher): resolved only where the server hosts TradingStartup.
        services.AddSingleton<BrokerReconciler>();
        // Takes the trading lease (or waits for it as a standby) before it restores the book.
        services.AddHostedService<TradingStartup>();
        services.AddHostedService<TradingOwnershipWatch>();
        services.AddHostedService<PaperClock>();
        services.AddHostedService<SymbolDirectoryRefresher>();
        services.AddScoped<AccountService>();
        services.AddScoped<OrderService>();
        services.AddScoped<PortfolioQueries>();
        services.AddScoped<CredentialRotation>();
        return services;
    }

    /// <summary>
    /// Beside the SQLite database and named after it (the keys belong to that database's rows), else in ./data.
    /// </summary>
    private static string DefaultKeyFile(DatabaseOptions database)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            if (!string.IsNullOrEmpty(source) && source != ":memory:")
            {
                return Path.GetFullPath(source) + ".broker-keys.json";
            }
        }

        return Path.Combine("data", "broker-credential-keys.json");
    }
}
