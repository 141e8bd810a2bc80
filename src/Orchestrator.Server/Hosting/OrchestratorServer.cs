using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Health;
using Orchestrator.Server.System;
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
    public static WebApplication Build(string[] args, Action<IConfigurationBuilder>? configure = null)
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

        builder.Services.AddOrchestratorStorage(builder.Configuration);
        builder.Services.AddOrchestratorProblemDetails();
        builder.Services.AddOpenApi();

        var app = builder.Build();
        app.UseOrchestratorProblemDetails();
        app.MapOpenApi();
        app.MapScalarApiReference("/docs", options => options.WithTitle("Day Trading Orchestrator API"));
        app.MapHealth();
        app.MapSystemApiV1();
        app.MapApiNotFoundFallback();
        return app;
    }
}
