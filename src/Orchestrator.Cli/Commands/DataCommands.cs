using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.MarketData;
using Spectre.Console;

namespace Orchestrator.Cli.Commands;

/// <summary><c>orchestrator data symbols</c> (list) and <c>orchestrator data symbols set</c>: the symbol universe.</summary>
public static class DataCommands
{
    public static Command Create()
    {
        var data = new Command("data", "Market data: the symbol universe, imports, bars, synthetic data");
        data.Subcommands.Add(Symbols());
        data.Subcommands.Add(DataImportCommand.Create());
        data.Subcommands.Add(DataBarsCommand.Create());
        data.Subcommands.Add(DataGenerateCommand.Create());
        return data;
    }

    private static Command Symbols()
    {
        var exchange = new Option<string?>("--exchange") { Description = "Only this exchange" };
        var command = new Command("symbols", "List the symbol universe") { exchange };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => CommandErrors.RunAsync(async () =>
        {
            await using var services = await CliServices.CreateAsync(parse.UnmatchedTokens, ct);
            await using var scope = services.CreateAsyncScope();
            var table = new Table().AddColumns("Symbol", "Exchange", "Asset class", "Currency", "Tick", "Sector", "Hours (zone)", "Active");
            foreach (var s in await scope.ServiceProvider.GetRequiredService<SymbolService>().ListAsync(parse.GetValue(exchange), null, null, ct))
            {
                table.AddRow(s.Symbol, Markup.Escape(s.Exchange), s.AssetClass, s.Currency, s.TickSize?.ToString("0.########", CultureInfo.InvariantCulture) ?? "-",
                    Markup.Escape(s.Sector ?? "-"), s.TradingHours is { } hours ? hours.GetProperty("timeZone").GetString()! : "US equities (default)", s.IsActive ? "yes" : "no");
            }

            AnsiConsole.Write(table);
            return ExitCodes.Success;
        }));
        command.Subcommands.Add(Set());
        return command;
    }

    private static Command Set()
    {
        var symbol = new Argument<string>("symbol") { Description = "The symbol, e.g. AAPL" };
        var exchange = new Option<string?>("--exchange") { Description = "Exchange (required for a new symbol)" };
        var assetClass = new Option<string?>("--asset-class") { Description = "EQUITY, FOREX, CRYPTO, COMMODITY or FUTURES (required for a new symbol)" };
        var currency = new Option<string?>("--currency") { Description = "ISO 4217 (default USD)" };
        var name = new Option<string?>("--name") { Description = "Company name" };
        var sector = new Option<string?>("--sector") { Description = "Sector" };
        var industry = new Option<string?>("--industry") { Description = "Industry" };
        var tick = new Option<decimal?>("--tick-size") { Description = "Minimum price increment; orders off it are refused" };
        var contract = new Option<decimal?>("--contract-size") { Description = "Units per contract" };
        var hours = new Option<string?>("--trading-hours") { Description = "Trading hours as JSON, or @FILE: {\"timeZone\":\"America/New_York\",\"sessions\":{\"MON\":[[\"09:30\",\"16:00\"]]},\"holidays\":[]}" };
        var inactive = new Option<bool>("--inactive") { Description = "Mark the symbol inactive" };
        var command = new Command("set", "Create or update a symbol") { symbol, exchange, assetClass, currency, name, sector, industry, tick, contract, hours, inactive };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => CommandErrors.RunAsync(async () =>
        {
            var hoursText = parse.GetValue(hours);
            var hoursFile = hoursText is ['@', .. var path] ? path : null;
            if (hoursFile is not null)
            {
                if (!File.Exists(hoursFile))
                {
                    return CommandErrors.Fail(ExitCodes.BadInput, $"--trading-hours: no file '{hoursFile}'.");
                }

                try
                {
                    hoursText = await File.ReadAllTextAsync(hoursFile, ct);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    return CommandErrors.Fail(ExitCodes.BadInput, $"--trading-hours: cannot read '{hoursFile}': {ex.Message}");
                }
            }

            await using var services = await CliServices.CreateAsync(parse.UnmatchedTokens, ct);
            await using var scope = services.CreateAsyncScope();
            var request = new SymbolRequest(parse.GetValue(symbol), parse.GetValue(exchange), parse.GetValue(assetClass), parse.GetValue(currency),
                parse.GetValue(name), parse.GetValue(sector), parse.GetValue(industry), parse.GetValue(tick), parse.GetValue(contract),
                parse.GetValue(inactive) ? false : null, hoursText);
            var (set, errors) = await scope.ServiceProvider.GetRequiredService<SymbolService>().SetAsync(request, Actor.CommandLine("data symbols set"), ct);
            if (errors is not null)
            {
                return FieldErrors.Fail(parse, errors, line => FromFile(line, hoursFile));
            }

            Console.WriteLine($"{set!.Symbol} set ({set.Exchange}, {set.AssetClass}, {set.Currency}).");
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>
    /// The line names the option (<c>--trading-hours</c>); when the hours came from <c>@FILE</c>, it names the file too,
    /// since the file is what the caller has to fix.
    /// </summary>
    private static string FromFile(string line, string? file) =>
        file is not null && line.StartsWith(HoursField, StringComparison.Ordinal) ? $"--trading-hours: {file}: {line[HoursField.Length..]}" : line;

    private const string HoursField = "--trading-hours: ";
}
