using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.MarketData;
using Spectre.Console;

namespace Orchestrator.Cli.Commands;

/// <summary><c>orchestrator data generate --symbols N --days D [--seed S] [--start YYYY-MM-DD]</c>: a synthetic universe.</summary>
public static class DataGenerateCommand
{
    public static Command Create()
    {
        var symbols = new Option<int>("--symbols") { Description = "How many symbols (SYN001...)", DefaultValueFactory = _ => 10 };
        var days = new Option<int>("--days") { Description = "How many trading days", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed gives the same bars", DefaultValueFactory = _ => 42 };
        var start = new Option<DateOnly?>("--start") { Description = "First day (default: that many trading days before today)" };
        var command = new Command("generate", "Generate seeded synthetic 1-minute bars on exchange SYNTH") { symbols, days, seed, start };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => CommandErrors.RunAsync(async () =>
        {
            var count = parse.GetValue(symbols);
            var dayCount = parse.GetValue(days);
            // Every bad switch at once, so one corrected command line runs.
            List<string> errors = [];
            if (count is < 1 or > 999)
            {
                errors.Add("--symbols: must be between 1 and 999");
            }

            if (dayCount is < 1 or > 5000)
            {
                errors.Add("--days: must be between 1 and 5000");
            }

            if (errors.Count > 0)
            {
                return CommandErrors.Fail(ExitCodes.BadInput, string.Join("; ", errors));
            }

            var first = parse.GetValue(start) ?? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-(int)Math.Ceiling(dayCount * 7 / 5.0) - 1);
            await using var services = await CliServices.CreateAsync(parse.UnmatchedTokens, ct);
            await using var scope = services.CreateAsyncScope();
            var data = scope.ServiceProvider.GetRequiredService<SyntheticData>();
            var total = (long)count * dayCount * 390;
            long written = 0;
            await CliProgress.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask($"Generating {total.ToString("N0", CultureInfo.InvariantCulture)} bars", maxValue: total);
                written = await data.LoadAsync(count, dayCount, first, parse.GetValue(seed), new Progress<long>(rows => task.Value = rows), Actor.CommandLine("data generate"), ct);
                task.Value = total;
            });
            Console.WriteLine($"{written.ToString("N0", CultureInfo.InvariantCulture)} synthetic bars for {count} symbols over {dayCount} trading days from {first:yyyy-MM-dd} (exchange SYNTH).");
            return ExitCodes.Success;
        }));
        return command;
    }
}
