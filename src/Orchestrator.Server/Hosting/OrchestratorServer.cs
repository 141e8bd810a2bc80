using Orchestrator.Server.Accounts;
using Orchestrator.Server.Backtests;
using Orchestrator.Server.Dashboard;
using Orchestrator.Server.MarketData;
using Orchestrator.Server.MarketData.Live;
using Orchestrator.Server.Orders;
using Orchestrator.Server.Portfolio;
using Orchestrator.Server.Risk;
using Orchestrator.Server.Strategies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.ApiKeys;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Health;
using Orchestrator.Server.RateLimiting;
using Orchestrator.Server.Security;
using Orchestrator.Server.Platform;
using Orchestrator.Server.Usage;
using Orchestrator.Server.Users;
using Scalar.AspNetCore;

namespace Orchestrator.Server.Hosting;

/// <summary>Builds the ASP.NET Core application: services, middleware and every feature's routes.</summary>
public static class OrchestratorServer
{
    /// <summary>
    /// Creates the application. <paramref name="args"/> are configuration switches (<c>--urls</c>,
    /// <c>--Database:Provider=Postgres</c>, ...); settings come from appsettings.json beside the binary,
    /// then environment variables, then those switches.
    /// </summary>
    public static WebApplication Build(string[] args, Action<IConfigurationBuilder>? configure = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        configure?.Invoke(builder.Configuration);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(ServerDefaults.Urls);
        }

        builder.Services.AddOrchestratorServices(builder.Configuration);
        builder.Services.AddOrchestratorProblemDetails();
        builder.Services.AddOpenApi();
        services?.Invoke(builder.Services);
        var maxBody = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>()?.MaxRequestBodyBytes ?? new SecurityOptions().MaxRequestBodyBytes;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = maxBody;
            // No "Server: Kestrel": naming the software only helps an attacker pick exploits (OWASP API8).
            kestrel.AddServerHeader = false;
        });

        var app = builder.Build();
        // Outermost, so the usage row sees the final status and body, error pages included.
        app.UseMiddleware<ApiUsageMiddleware>();
        app.UseOrchestratorProblemDetails();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // Before routing: a dashboard file is answered here and never meets the API's authentication or quotas.
        app.UseDashboard();
        app.UseRouting();
        app.UseAuthentication();
        // Quotas count refused requests too (401, 403): guessing credentials spends the client's IP quota.
        app.UseMiddleware<RateLimitMiddleware>();
        app.UseAuthorization();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });

        app.MapOpenApi();
        app.MapScalarApiReference("/docs", options => options.WithTitle("Day Trading Orchestrator API"));
        app.MapHealth();
        app.MapSystemApiV1();
        app.MapAuthApiV1();
        app.MapMeApiV1();
        app.MapApiKeysApiV1();
        app.MapAccountsApiV1();
        app.MapOrdersApiV1();
        app.MapPortfolioApiV1();
        app.MapStrategiesApiV1();
        app.MapStrategyRunsApiV1();
        app.MapSymbolsApiV1();
        app.MapBarsApiV1();
        app.MapQuotesApiV1();
        app.MapStreamApiV1();
        app.MapBacktestsApiV1();
        app.MapRiskApiV1();
        app.MapApiNotFoundFallback();
        return app;
    }
}
