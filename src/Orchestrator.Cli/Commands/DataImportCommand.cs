using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Auditing;
using Orchestrator.Server.MarketData;
using Orchestrator.Storage.MarketData.Import;
using Orchestrator.Storage.Model;
using Spectre.Console;

namespace Orchestrator.Cli.Commands;

/// <summary>
/// <c>orchestrator data import PATH... [--format csv|lean] [--symbol S] [--time-zone TZ] [--strict]</c>. Bad rows
/// are listed on stderr as FILE:LINE: reason; the exit code is 0 when every row was imported, 2 when some (or,
/// with --strict, all) were refused. Bars of symbols the universe (<c>market_symbols</c>) does not list are refused
/// too, named once per symbol with the command that adds them: orders refuse such symbols, so their bars would only
/// hide a misspelt folder or <c>--symbol</c>. With <c>--add-symbols --exchange E --asset-class C</c> they are added
/// to the universe instead (audited as <c>data symbols set</c> would) and their bars imported in a second pass over the
/// files that takes only theirs (re-importing changes nothing, so the pass is safe whatever else it meets).
/// </summary>
public static class DataImportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("path") { Description = "Files or folders (searched recursively)", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "csv, lean, or auto (.zip is lean)", DefaultValueFactory = _ => "auto" };
        var symbol = new Option<string?>("--symbol") { Description = "The symbol of files that do not name one" };
        var zone = new Option<string>("--time-zone") { Description = "IANA zone of CSV times written without an offset", DefaultValueFactory = _ => "UTC" };
        var strict = new Option<bool>("--strict") { Description = "Import nothing if any row is bad" };
        var addSymbols = new Option<bool>("--add-symbols") { Description = "Add symbols the universe lacks (with --exchange and --asset-class) and import their bars too" };
        var exchange = new Option<string?>("--exchange") { Description = "Exchange of the symbols --add-symbols adds" };
        var assetClass = new Option<string?>("--asset-class") { Description = "Asset class of the symbols --add-symbols adds: EQUITY, FOREX, CRYPTO, COMMODITY or FUTURES" };
        var command = new Command("import", "Import 1-minute (or Lean daily) bars from CSV files and Lean zips; re-importing changes nothing")
        {
            paths, format, symbol, zone, strict, addSymbols, exchange, assetClass,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => CommandErrors.RunAsync(async () =>
        {
            if (!Enum.TryParse<ImportFormat>(parse.GetValue(format), ignoreCase: true, out var kind))
            {
                return CommandErrors.Fail(ExitCodes.BadInput, $"--format: '{parse.GetValue(format)}' is not csv, lean or auto.");
            }

            if (parse.GetValue(addSymbols) && (parse.GetValue(exchange) is null || parse.GetValue(assetClass) is null))
            {
                return CommandErrors.Fail(ExitCodes.BadInput, "--add-symbols: needs --exchange and --asset-class for the symbols it adds.");
            }

            // The paths argument takes any number of values, so configuration switches (--Section:Key=value) land in
            // it too: they are configuration, not files.
            var values = parse.GetValue(paths)!;
            var switches = values.Where(IsSwitch).ToList();
            await using var services = await CliServices.CreateAsync([.. parse.UnmatchedTokens, .. switches], ct);
            var importer = services.GetRequiredService<BarImporter>();
            var universe = (await services.GetRequiredService<OrchestratorDbContext>().MarketSymbols.AsNoTracking().Select(s => s.Symbol).ToListAsync(ct))
                .ToHashSet(StringComparer.Ordinal);
            var request = new ImportRequest(values.Where(v => !IsSwitch(v)).ToList(), kind, parse.GetValue(symbol), parse.GetValue(zone)!, parse.GetValue(strict), universe);
            ImportResult? result = null;
            await CliProgress.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Importing bars").IsIndeterminate();
                result = await importer.ImportAsync(request, new Progress<(string File, long Rows)>(p =>
                    task.Description = $"Importing {Markup.Escape(Path.GetFileName(p.File))}: {p.Rows.ToString("N0", CultureInfo.InvariantCulture)} rows"), ct);
                task.IsIndeterminate(false).Value(task.MaxValue);
            });

            // Under --strict a bad row keeps everything out, so nothing is added for it either.
            if (parse.GetValue(addSymbols) && result!.NotInUniverse.Count > 0 && !(request.Strict && result.Errors.Count > 0))
            {
                if (await AddSymbolsAsync(services, parse, result.NotInUniverse.Keys, parse.GetValue(exchange)!, parse.GetValue(assetClass)!, ct) is { } failed)
                {
                    return failed;
                }

                // Without --strict the first pass imported the universe's bars: this one takes only the added symbols'.
                // With it the first pass wrote nothing: this one takes them all, still all or nothing.
                var added = result.NotInUniverse.Keys.ToHashSet(StringComparer.Ordinal);
                var second = await importer.ImportAsync(request with { Universe = request.Strict ? [.. universe, .. added] : added }, null, ct);
                result = request.Strict ? second : result with { Rows = result.Rows + second.Rows, NotInUniverse = new Dictionary<string, long>() };
            }

            foreach (var error in result!.Errors)
            {
                Console.Error.WriteLine(error);
            }

            if (result.NotInUniverse.Count > 0)
            {
                var named = string.Join(", ", result.NotInUniverse.Select(s => $"{s.Key} ({s.Value.ToString("N0", CultureInfo.InvariantCulture)} bars)"));
                Console.Error.WriteLine($"Not in the symbol universe, so not imported: {named}. Add each with "
                    + $"'orchestrator data symbols set {result.NotInUniverse.Keys.First()} --exchange E --asset-class C' and import again.");
            }

            var outside = result.NotInUniverse.Count == 0 ? string.Empty
                : $"; {result.NotInUniverse.Values.Sum().ToString("N0", CultureInfo.InvariantCulture)} bars of {result.NotInUniverse.Count} symbols not in the universe";
            Console.WriteLine(result.Written
                ? $"{result.Rows.ToString("N0", CultureInfo.InvariantCulture)} bars imported from {result.Files} files; {result.Errors.Count} rows refused{outside}."
                : $"Nothing imported (--strict): {result.Errors.Count} rows refused in {result.Files} files{outside}.");
            return result.Errors.Count == 0 && result.NotInUniverse.Count == 0 ? ExitCodes.Success : ExitCodes.BadInput;
        }));
        return command;
    }

    /// <summary>Adds each symbol through the service <c>data symbols set</c> uses; the exit code of the first refusal, else null.</summary>
    private static async Task<int?> AddSymbolsAsync(
        ServiceProvider services, ParseResult parse, IEnumerable<string> symbols, string exchange, string assetClass, CancellationToken ct)
    {
        foreach (var name in symbols.Order(StringComparer.Ordinal))
        {
            await using var scope = services.CreateAsyncScope();
            var (_, errors) = await scope.ServiceProvider.GetRequiredService<SymbolService>().SetAsync(
                new SymbolRequest(name, exchange, assetClass), Actor.CommandLine("data import --add-symbols"), ct);
            if (errors is not null)
            {
                return FieldErrors.Fail(parse, errors);
            }

            Console.Error.WriteLine($"Added {name} to the symbol universe ({exchange.Trim()}, {assetClass}).");
        }

        return null;
    }

    private static bool IsSwitch(string value) => value.StartsWith("--", StringComparison.Ordinal) && value.Contains(':', StringComparison.Ordinal);
}
