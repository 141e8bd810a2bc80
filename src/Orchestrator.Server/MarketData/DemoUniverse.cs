using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestrator.Server.Auditing;
using Orchestrator.Storage.Model;

namespace Orchestrator.Server.MarketData;

/// <summary>
/// What <c>serve</c> loads into a database with no symbols, so a new user has something to trade: five synthetic
/// symbols (SYN001 to SYN005, exchange SYNTH) with the last five trading days of 1-minute bars. A database that
/// already has symbols is never touched.
/// </summary>
public static class DemoUniverse
{
    public const int Symbols = 5;
    public const int Days = 5;
    public const int Seed = 42;

    public static async Task<bool> EnsureAsync(IServiceProvider services, TimeProvider time, ILogger log, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>();
        if (await db.MarketSymbols.AnyAsync(ct))
        {
            return false;
        }

        // Five trading days ending before today: a week and a bit back covers them whatever the weekday.
        var first = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-8);
        var rows = await scope.ServiceProvider.GetRequiredService<SyntheticData>()
            .LoadAsync(Symbols, Days, first, Seed, null, Actor.CommandLine("serve (demo universe)"), ct);
        log.LogInformation("Loaded a synthetic demo universe: {Symbols} symbols (SYN001...) on exchange SYNTH, {Rows} one-minute bars from {First:yyyy-MM-dd}; serve --no-demo skips it",
            Symbols, rows, first);
        return true;
    }
}
