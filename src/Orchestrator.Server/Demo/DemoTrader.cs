using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestrator.Domain.MarketData;
using Orchestrator.Server.Accounts;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Risk;
using Orchestrator.Server.Security;
using Orchestrator.Server.Strategies;
using Orchestrator.Server.Trading;
using Orchestrator.Storage.Model;

namespace Orchestrator.Server.Demo;

/// <summary>
/// What <c>serve</c> (and <c>run</c>) create in a database with no users at all, so a new user sees the platform
/// trade within a minute: the demo user (<see cref="Email"/>, a random password), a paper account with
/// $100,000, and an <c>ma-crossover</c> strategy with fast averages (5 and 20 one-minute bars) active on the first
/// three symbols of the synthetic universe. Everything goes through the services the API uses (registration,
/// accounts, risk profiles, strategies), so it is validated and audited like a user's own work. The strategy is
/// stored active, not started: this runs before the host starts, and the runner starts every stored active
/// strategy when it does. A database with any user, even a deleted one, is never touched; nor is one without the
/// synthetic universe (there would be nothing to trade).
/// </summary>
public static partial class DemoTrader
{
    public const string Email = "demo@orchestrator.local";
    public const string StrategyName = "Demo MA crossover 5/20";
    public const decimal InitialCash = 100_000m;
    public const decimal MaxDailyLoss = 5_000m;
    public const int SymbolCount = 3;

    private static readonly Actor DemoActor = Actor.CommandLine("serve (demo)");

    /// <summary>The demo's credentials when it was created now; null when the database already had users or has no synthetic symbols.</summary>
    public static async Task<DemoCredentials?> EnsureAsync(IServiceProvider services, ILogger log, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<OrchestratorDbContext>();
        if (await db.Users.AnyAsync(ct))
        {
            return null;
        }

        var symbols = await db.MarketSymbols.AsNoTracking().Where(s => s.Exchange == SyntheticBarGenerator.Exchange)
            .OrderBy(s => s.Symbol).Select(s => s.Symbol).Take(SymbolCount).ToListAsync(ct);
        if (symbols.Count == 0)
        {
            LogNoUniverse(log);
            return null;
        }

        // The strategy needs its template's row; the seeder runs again when the host starts (it changes nothing then).
        await ActivatorUtilities.CreateInstance<StrategyTemplateSeeder>(provider).SeedAsync(ct);

        var password = SecretTokens.Base64Url(RandomNumberGenerator.GetBytes(18));
        var registered = await provider.GetRequiredService<Registration>().RegisterAsync(
            new RegisterRequest(Email, password, "Demo", "Trader", RiskTolerance: "AGGRESSIVE", MaxDailyLoss: MaxDailyLoss), DemoActor, ct);
        if (registered.EmailTaken)
        {
            return null; // another server on the same database created it first
        }

        var userId = (registered.User ?? throw Refused("user", registered.Errors)).UserId;
        await OpenRiskLimitsAsync(provider.GetRequiredService<RiskProfileService>(), userId, ct);

        var account = await provider.GetRequiredService<AccountService>().CreateAsync(userId,
            new CreateAccountRequest(PaperBroker.BrokerId, "Demo paper account", InitialCash: InitialCash), DemoActor, ct);
        var accountId = (account.Account ?? throw Refused("account", account.Errors)).AccountId;

        var parameters = JsonSerializer.SerializeToElement(new { moving_averages = new { short_period = 5, long_period = 20 } });
        var strategy = await provider.GetRequiredService<StrategyService>().CreateAsync(userId,
            new CreateStrategyRequest("ma-crossover", StrategyName, parameters), DemoActor, ct);
        var strategyId = (strategy.Strategy ?? throw Refused("strategy", strategy.Errors)).StrategyId;

        if (await provider.GetRequiredService<StrategyRunService>().ActivateAsync(userId, strategyId, new StartStrategyRequest(accountId, [.. symbols]), DemoActor, ct)
            is { } refused)
        {
            throw Refused("strategy start", refused.Errors);
        }

        LogCreated(log, Email, accountId, StrategyName, string.Join(",", symbols));
        return new DemoCredentials(Email, password, accountId, strategyId, StrategyName, symbols);
    }

    /// <summary>
    /// Limits a fast demo can live with: no protective stops (a 1-minute crossover would be stopped out all day), the
    /// whole synthetic universe counted as the one sector and correlated group it is, positions up to $25,000, and a
    /// daily loss limit of $5,000 (the user's too) that minutes of demo trading do not reach.
    /// </summary>
    private static async Task OpenRiskLimitsAsync(RiskProfileService profiles, Guid userId, CancellationToken ct)
    {
        var profile = (await profiles.ListAsync(userId, ct)).Single(p => p.IsActive);
        var replaced = await profiles.ReplaceAsync(userId, profile.ProfileId, new RiskProfileRequest(
            "Demo Risk Profile", "The demo's limits: no protective stops, the synthetic universe as one sector, a $5,000 daily loss limit.",
            MaxPositionSize: 25_000m, MaxSectorConcentration: 1m, MaxCorrelationExposure: 1m, MaxDailyLoss: MaxDailyLoss, MaxPortfolioRisk: 1m,
            MaxLongPositions: 20, MaxShortPositions: 10, MinCashPercentage: 0.05m, DefaultStopLossPercentage: 0m, TrailingStopEnabled: false), DemoActor, ct);
        if (replaced.Profile is null)
        {
            throw Refused("risk profile", replaced.Errors);
        }
    }

    private static InvalidOperationException Refused(string what, Validation.ValidationErrors? errors) =>
        new($"The demo's {what} was refused: {(errors is null ? "conflict" : string.Join("; ", errors.Lines))}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the demo user {Email}: paper account {AccountId}, strategy {Strategy} on {Symbols}")]
    private static partial void LogCreated(ILogger log, string email, Guid accountId, string strategy, string symbols);

    [LoggerMessage(Level = LogLevel.Information, Message = "No demo user: the database has no synthetic symbols (exchange SYNTH) to trade")]
    private static partial void LogNoUniverse(ILogger log);
}
