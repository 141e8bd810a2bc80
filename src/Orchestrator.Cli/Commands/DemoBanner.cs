using System.Globalization;
using Orchestrator.Server.Demo;

namespace Orchestrator.Cli.Commands;

/// <summary>
/// The one place the demo user's password is ever shown: on the console of the <c>serve</c> (or <c>run</c>) that
/// created it, with how to log in. Written to stdout directly, never through the logger, so no log sink keeps it.
/// </summary>
public static class DemoBanner
{
    public static void Print(DemoCredentials demo, string? url, double replaySpeed)
    {
        ArgumentNullException.ThrowIfNull(demo);
        var symbols = string.Join(", ", demo.Symbols);
        Console.WriteLine();
        Console.WriteLine("Demo data created (this database had no users):");
        Console.WriteLine($"  user       {demo.Email}");
        Console.WriteLine($"  password   {demo.Password}   (shown only now: it is stored hashed and never logged)");
        Console.WriteLine($"  account    {demo.AccountId} (paper, {DemoTrader.InitialCash.ToString("N0", CultureInfo.InvariantCulture)} USD)");
        Console.WriteLine($"  strategy   {demo.StrategyName} ({demo.StrategyId}): ma-crossover on {symbols}, running");
        Console.WriteLine($"  market     the synthetic bars replayed at {replaySpeed.ToString(CultureInfo.InvariantCulture)}x, looping");
        if (url is not null)
        {
            Console.WriteLine($"  log in     POST {url.TrimEnd('/')}/api/v1/auth/login {{\"email\":\"{demo.Email}\",\"password\":\"<the password above>\"}}");
        }

        Console.WriteLine($"  CLI key    orchestrator api-keys create --email {demo.Email} --name cli --write --trade");
        Console.WriteLine("  (--no-demo, or Demo:Enabled=false, skips the demo)");
        Console.WriteLine();
    }
}
