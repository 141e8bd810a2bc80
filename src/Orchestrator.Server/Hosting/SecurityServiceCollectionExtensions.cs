using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orchestrator.Server.ApiKeys;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Email;
using Orchestrator.Server.RateLimiting;
using Orchestrator.Server.Security;
using Orchestrator.Server.Usage;
using Orchestrator.Server.Users;
using Orchestrator.Storage.Bulk;
using Orchestrator.Storage.Credentials;
using StackExchange.Redis;

namespace Orchestrator.Server.Hosting;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// Users, sessions, API keys, quotas, usage and audit. With <c>Redis:Configuration</c> set, quotas and the
    /// session cache live in Redis (shared by every server process); otherwise in process and in the database.
    /// </summary>
    public static IServiceCollection AddOrchestratorSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section);
        services.AddSingleton(sp => new PasswordHasher(sp.GetRequiredService<IOptions<SecurityOptions>>().Value.PasswordHashMemoryKiB));

        var redis = configuration["Redis:Configuration"];
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton<ICounterStore, MemoryCounterStore>();
            services.AddSingleton<ISessionCache, NoSessionCache>();
        }
        else
        {
            services.AddSingleton<IConnectionMultiplexer>(_ =>
            {
                var options = ConfigurationOptions.Parse(redis);
                options.AbortOnConnectFail = false;
                return ConnectionMultiplexer.Connect(options);
            });
            services.AddSingleton<ICounterStore, RedisCounterStore>();
            services.AddSingleton<ISessionCache, RedisSessionCache>();
        }

        var smtp = configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>() ?? new SmtpOptions();
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            services.AddSingleton<IEmailSender, UnconfiguredEmailSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender>(new SmtpEmailSender(smtp));
        }

        services.AddSingleton<AuditTrail>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<CredentialLookup>();
        services.AddSingleton<CallerResolver>();
        services.AddSingleton<CredentialCache>();
        services.AddHostedService<CredentialEpochWatcher>();
        services.AddScoped<Registration>();
        services.AddScoped<EmailVerification>();
        services.AddScoped<SessionService>();
        services.AddScoped<AccountLifecycle>();
        services.AddScoped<ApiKeyService>();

        services.AddSingleton<ApiUsageQueue>();
        services.AddSingleton<ApiUsageBulkWriter>();
        services.AddHostedService<ApiUsageWriterService>();

        services.AddAuthentication(CredentialAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, CredentialAuthenticationHandler>(CredentialAuthenticationHandler.SchemeName, null);
        services.AddSingleton<IAuthorizationHandler, ApiAccessHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiAccessRequirement.PolicyName, policy => policy.RequireAuthenticatedUser().AddRequirements(new ApiAccessRequirement()));
        return services;
    }
}
