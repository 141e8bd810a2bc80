using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestrator.Server.MarketData;

namespace Orchestrator.Server.Demo;

/// <summary>
/// The demo's data, loaded by <c>serve</c> and <c>run</c> after migrating and before the host starts (so the runner
/// finds the demo strategy among the stored active ones): the synthetic universe into a database with no symbols
/// (<see cref="DemoUniverse"/>), then the demo user into one with no users (<see cref="DemoTrader"/>). Nothing
/// when <c>Demo:Enabled</c> is false (<c>--no-demo</c>).
/// </summary>
public static class DemoData
{
    /// <summary>The demo user's credentials when it was created now (print them: they are shown nowhere else); null otherwise.</summary>
    public static async Task<DemoCredentials?> EnsureAsync(IServiceProvider services, TimeProvider time, CancellationToken ct)
    {
        if (!services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
        {
            return null;
        }

        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("Orchestrator.Demo");
        await DemoUniverse.EnsureAsync(services, time, log, ct);
        return await DemoTrader.EnsureAsync(services, log, ct);
    }
}
