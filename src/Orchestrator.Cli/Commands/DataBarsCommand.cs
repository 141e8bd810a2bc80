using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.MarketData;
using Orchestrator.Storage.MarketData;

namespace Orchestrator.Cli.Commands;

/// <summary><c>orchestrator data bars SYMBOL --from T --to T [--interval 5m]</c>: bars as CSV on stdout, streamed.</summary>
public static class DataBarsCommand
{
    public static Command Create()
    {
        var symbol = new Argument<string>("symbol") { Description = "The symbol" };
        var from = new Option<DateTimeOffset>("--from") { Description = "First bar's start (ISO 8601)", Required = true };
        var to = new Option<DateTimeOffset>("--to") { Description = "End, exclusive (ISO 8601)", Required = true };
        var interval = new Option<string>("--interval") { Description = "1m, 5m, 15m, 1h or 1d", DefaultValueFactory = _ => "1m" };
        var command = new Command("bars", "Print stored bars as CSV (time,symbol,open,high,low,close,volume,vwap)") { symbol, from, to, interval };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => CommandErrors.RunAsync(async () =>
        {
            if (!BarInterval.TryParse(parse.GetValue(interval), out var size))
            {
                return CommandErrors.Fail(ExitCodes.BadInput, $"--interval: '{parse.GetValue(interval)}' is not 1m, 5m, 15m, 1h or 1d.");
            }

            if (parse.GetValue(from) >= parse.GetValue(to))
            {
                return CommandErrors.Fail(ExitCodes.BadInput, "--from: must be before --to.");
            }

            await using var services = await CliServices.CreateAsync(parse.UnmatchedTokens, ct);
            var store = services.GetRequiredService<IBarStore>();
            var bars = store.ReadAsync([parse.GetValue(symbol)!.ToUpperInvariant()], parse.GetValue(from), parse.GetValue(to), ct);
            if (size != BarInterval.OneMinute)
            {
                bars = BarAggregator.AggregateAsync(bars, size, ct: ct);
            }

            var output = Console.Out;
            await output.WriteLineAsync("time,symbol,open,high,low,close,volume,vwap");
            await foreach (var bar in bars)
            {
                var b = bar.Bar;
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{b.Start.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ},{b.Symbol},{Number(b.Open)},{Number(b.High)},{Number(b.Low)},{Number(b.Close)},{Number(b.Volume)},{(bar.Vwap is { } vwap ? Number(vwap) : null)}"));
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>At most 8 decimals (the columns' scale), no trailing zeros: the same text from every store.</summary>
    private static string Number(decimal value) => value.ToString("0.########", CultureInfo.InvariantCulture);
}
