using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Cli.Backtests.Reports;
using Orchestrator.Cli.Commands;
using Orchestrator.Domain.Backtesting;
using Orchestrator.Server.Backtests;
using Orchestrator.Storage.MarketData;
using Orchestrator.Storage.Model;
using Spectre.Console;

namespace Orchestrator.Cli.Backtests;

/// <summary>
/// <c>orchestrator backtest run --strategy T --symbols S --from D --to D [--param k=v]…</c>: replays the stored
/// bars through the backtester, prints Lean's statistics and writes the HTML report (equity and drawdown
/// charts, trades, parameters) with a PNG and an SVG of the equity curve; <c>--json</c> prints one JSON object instead.
/// </summary>
public static class BacktestRunCommand
{
    public static Command Create()
    {
        var options = new BacktestOptions();
        var report = new Option<string?>("--report") { Description = "Directory for report.html, equity.png and equity.svg (default ./backtest-report; with --json only when given)" };
        var command = new Command("run", "Backtest a strategy template over stored bars");
        options.AddTo(command);
        command.Options.Add(report);
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => CommandErrors.RunAsync(async () =>
        {
            await using var services = await CliServices.CreateAsync(parse.UnmatchedTokens, ct);
            var (stored, storedError) = await options.StoredAsync(parse, services, ct);
            if (storedError is not null)
            {
                return CommandErrors.Fail(ExitCodes.BadInput, storedError);
            }

            var (request, error) = options.Parse(parse, stored);
            if (request is null)
            {
                return CommandErrors.Fail(ExitCodes.BadInput, error!);
            }

            var unknown = await BacktestSymbols.UnknownAsync(services.GetRequiredService<OrchestratorDbContext>(), request.DataSymbols, ct);
            if (unknown.Count > 0)
            {
                return CommandErrors.Fail(ExitCodes.BadInput, $"{(request.Symbols.Contains(unknown[0]) ? "--symbols" : "--benchmark")}: unknown symbols {string.Join(", ", unknown)} (see orchestrator data symbols)");
            }

            var store = services.GetRequiredService<IBarStore>();
            var json = parse.GetValue(options.Json);
            var result = json
                ? await Backtester.RunAsync(request, BacktestBarStream.ReadAsync(store, request, ct), null, ct)
                : await WithProgressAsync(request, store, ct);
            var backtestId = stored is null ? (Guid?)null
                : (await BacktestArchive.SaveAsync(services, stored, [(result, request.Parameters)], request.Settings, null, "backtest run", ct))[0];
            var directory = parse.GetValue(report) ?? (json ? null : "backtest-report");
            var files = directory is null ? null : BacktestReportWriter.Write(result, directory);
            if (json)
            {
                var node = BacktestJson.Of(result, request.Parameters);
                if (files is not null)
                {
                    node["report"] = Path.GetFullPath(files.HtmlPath);
                }

                if (backtestId is { } id)
                {
                    node["backtest_id"] = id.ToString();
                }

                Console.Out.WriteLine(BacktestJson.Write(node));
                return ExitCodes.Success;
            }

            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(result.StrategyName)}[/] on {Markup.Escape(string.Join(", ", result.Symbols))}, {result.StartDate:yyyy-MM-dd} to {result.EndDate:yyyy-MM-dd}: {result.BarsProcessed:N0} bars, {result.Orders.Count:N0} orders, {result.Trades.Count:N0} trades");
            AnsiConsole.Write(BacktestStatisticsTable.Create(result.Statistics));
            if (backtestId is { } storedId)
            {
                AnsiConsole.MarkupLine($"Stored as backtest {storedId} of strategy {Markup.Escape(stored!.Name)}.");
            }

            AnsiConsole.MarkupLine($"Report: [link]{Markup.Escape(Path.GetFullPath(files!.HtmlPath))}[/] (equity curve: {Markup.Escape(files.PngPath)}, {Markup.Escape(files.SvgPath)})");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static async Task<BacktestResult> WithProgressAsync(BacktestRequest request, IBarStore store, CancellationToken ct)
    {
        BacktestResult? result = null;
        await CliProgress.Progress().AutoClear(true).StartAsync(async progress =>
        {
            var task = progress.AddTask($"Backtesting {request.Template.Name}", maxValue: 100);
            result = await Backtester.RunAsync(request, BacktestBarStream.ReadAsync(store, request, ct), new ProgressTo(task), ct);
            task.Value = 100;
        });
        return result!;
    }

    /// <summary>Moves a progress bar from the backtest's own thread (Spectre's task is thread-safe).</summary>
    private sealed class ProgressTo(ProgressTask task) : IProgress<double>
    {
        public void Report(double value) => task.Value = value * 100d;
    }
}
