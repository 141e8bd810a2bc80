using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Cli.Backtests.Reports;
using Orchestrator.Cli.Commands;
using Orchestrator.Domain.Backtesting;
using Orchestrator.Domain.Backtesting.Optimization;
using Orchestrator.Domain.Backtesting.Statistics;
using Orchestrator.Domain.MarketData;
using Orchestrator.Server.Backtests;
using Orchestrator.Domain.Strategies.Parameters;
using Orchestrator.Storage.MarketData;
using Orchestrator.Storage.Model;
using Spectre.Console;

namespace Orchestrator.Cli.Backtests;

/// <summary>
/// <c>orchestrator backtest optimize … --range path=from:to:step …</c>: a grid search on all cores ranked by
/// <c>--rank</c> (a Lean statistic), with a progress bar and a ranked table; <c>--walk-forward TRAIN:TEST</c>
/// optimizes on TRAIN trading days, tests on the next TEST, and rolls.
/// </summary>
public static class BacktestOptimizeCommand
{
    /// <summary>The statistics the ranked table shows beside the one it ranks by.</summary>
    private static readonly string[] SummaryColumns = ["Net Profit", "Sharpe Ratio", "Drawdown", "Total Orders"];

    public static Command Create()
    {
        var options = new BacktestOptions();
        var ranges = new Option<string[]>("--range") { Description = "A parameter range, path=from:to:step or path=a,b,c (repeatable)", Required = true };
        var rank = new Option<string>("--rank") { Description = "The statistic to rank by (Lean's name)", DefaultValueFactory = _ => "Sharpe Ratio" };
        var top = new Option<int>("--top") { Description = "Rows of the ranked table", DefaultValueFactory = _ => 10 };
        var walkForward = new Option<string?>("--walk-forward") { Description = "TRAIN:TEST trading days: optimize on TRAIN, test on the next TEST, roll" };
        var command = new Command("optimize", "Grid-search a template's parameters (optionally walk-forward), ranked by a statistic");
        options.AddTo(command);
        command.Options.Add(ranges);
        command.Options.Add(rank);
        command.Options.Add(top);
        command.Options.Add(walkForward);
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => CommandErrors.RunAsync(async () =>
        {
            await using var services = await CliServices.CreateAsync(parse.UnmatchedTokens, ct);
            var (stored, storedError) = await options.StoredAsync(parse, services, ct);
            if (storedError is not null)
            {
                return CommandErrors.Fail(ExitCodes.BadInput, storedError);
            }

            var (request, error) = options.Parse(parse, stored, checkRules: false);
            if (request is null)
            {
                return CommandErrors.Fail(ExitCodes.BadInput, error!);
            }

            var parsedRanges = new List<ParameterRange>();
            foreach (var text in parse.GetValue(ranges) ?? [])
            {
                if (ParameterRange.Parse(text, request.Template.Parameters, out var rangeError) is not { } range)
                {
                    return CommandErrors.Fail(ExitCodes.BadInput, $"--range: {rangeError}");
                }

                parsedRanges.Add(range);
            }

            var objective = new Objective(parse.GetValue(rank)!);
            if (!StatisticNames.All.Contains(objective.Statistic))
            {
                return CommandErrors.Fail(ExitCodes.BadInput, $"--rank: '{objective.Statistic}' is not a statistic ({string.Join(", ", StatisticNames.All)})");
            }

            if (parse.GetValue(top) < 1)
            {
                return CommandErrors.Fail(ExitCodes.BadInput, "--top: must be at least 1");
            }

            (int Train, int Test)? windows = null;
            if (parse.GetValue(walkForward) is { } wf)
            {
                var parts = wf.Split(':');
                if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var train) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var test) || train < 1 || test < 1)
                {
                    return CommandErrors.Fail(ExitCodes.BadInput, $"--walk-forward: '{wf}' is not TRAIN:TEST with two positive whole numbers of trading days");
                }

                windows = (train, test);
            }

            var unknown = await BacktestSymbols.UnknownAsync(services.GetRequiredService<OrchestratorDbContext>(), request.DataSymbols, ct);
            if (unknown.Count > 0)
            {
                return CommandErrors.Fail(ExitCodes.BadInput, $"--symbols: unknown symbols {string.Join(", ", unknown)} (see orchestrator data symbols)");
            }

            var fixedValues = Fixed(request.Parameters, request.Template.Parameters);
            var json = parse.GetValue(options.Json);
            var store = services.GetRequiredService<IBarStore>();
            var bars = await Run(json, "Loading bars", 0, (task, _) => BacktestBars.LoadAsync(store, request, task is null ? null : new Progress<long>(n => task.Description = $"Loading bars ({n:N0})"), ct));
            var combinations = GridSearch.Combinations(fixedValues, parsedRanges).Count;
            if (windows is { } w)
            {
                var days = WalkForward.TradingDays(bars, request.Settings.Calendar).Count;
                var count = WalkForward.WindowCount(days, w.Train, w.Test);
                if (count == 0)
                {
                    return CommandErrors.Fail(ExitCodes.BadInput, $"--walk-forward: {days} trading days of bars do not hold one {w.Train}+{w.Test}-day window");
                }

                var walk = await Run(json, $"Walk-forward: {count} windows x {combinations} runs", count, (task, _) => Task.FromResult(WalkForward.Run(
                    request.Template, fixedValues, parsedRanges, bars, request.Symbols, request.Settings, objective, w.Train, w.Test,
                    progress: task is null ? null : new Progress<int>(n => task.Value = n), cancellationToken: ct)));
                if (stored is not null)
                {
                    await BacktestArchive.SaveAsync(services, stored, walk.Windows.Where(static w => w.Test is not null)
                        .Select(w => (w.Test!, request.Template.Parameters.Resolve(w.Best!.Values).Parameters!)), request.Settings, Guid.CreateVersion7(),
                        "backtest optimize --walk-forward", ct);
                }

                return Print(json, walk, objective);
            }

            var runs = await Run(json, $"Grid search: {combinations} runs", combinations, (task, _) => Task.FromResult(GridSearch.Run(
                request.Template, fixedValues, parsedRanges, bars, request.Symbols, request.StartDate, request.EndDate, request.Settings, objective,
                progress: task is null ? null : new Progress<int>(n => task.Value = n), cancellationToken: ct)));
            if (stored is not null)
            {
                await BacktestArchive.SaveAsync(services, stored, runs.Where(static r => r.Result is not null)
                    .Select(r => (r.Result!, request.Template.Parameters.Resolve(r.Values).Parameters!)), request.Settings, Guid.CreateVersion7(),
                    "backtest optimize", ct);
            }

            return Print(json, runs, objective, parse.GetValue(top), bars.Length);
        }));
        return command;
    }

    /// <summary>Every parameter the user fixed with --param (the ranges vary the rest).</summary>
    private static Dictionary<string, object> Fixed(ParameterSet parameters, ParameterSchema schema) =>
        schema.Specs.Where(s => !Equals(parameters.Values[s.Path], s.Default)).ToDictionary(s => s.Path, s => parameters.Values[s.Path], StringComparer.Ordinal);

    /// <summary>Runs <paramref name="work"/> under a progress bar (none with --json, where stdout is the JSON).</summary>
    private static async Task<T> Run<T>(bool json, string title, int total, Func<ProgressTask?, CancellationToken, Task<T>> work)
    {
        if (json)
        {
            return await work(null, CancellationToken.None);
        }

        T result = default!;
        await CliProgress.Progress().AutoClear(true).StartAsync(async progress =>
        {
            var task = progress.AddTask(title, maxValue: Math.Max(1, total));
            if (total == 0)
            {
                task.IsIndeterminate = true;
            }

            result = await Task.Run(() => work(task, CancellationToken.None));
            task.Value = task.MaxValue;
        });
        return result;
    }

    private static int Print(bool json, IReadOnlyList<OptimizationRun> runs, Objective objective, int top, int bars)
    {
        if (json)
        {
            var array = new JsonArray();
            var rankNumber = 0;
            foreach (var run in runs)
            {
                array.Add(new JsonObject
                {
                    ["rank"] = run.Result is null ? null : ++rankNumber,
                    ["parameters"] = Values(run.Values),
                    ["score"] = run.Result is null ? null : run.Result.Statistic(objective.Statistic),
                    ["statistics"] = run.Result is null ? null : new JsonObject(run.Result.Statistics.Select(static s => KeyValuePair.Create(s.Name, (JsonNode?)JsonValue.Create(s.Value)))),
                    ["error"] = run.Error,
                });
            }

            Console.Out.WriteLine(BacktestJson.Write(new JsonObject { ["rank_by"] = objective.Statistic, ["bars"] = bars, ["runs"] = array }));
            return ExitCodes.Success;
        }

        var table = new Table().Title($"Ranked by {Markup.Escape(objective.Statistic)} ({(objective.Maximize ? "higher" : "lower")} is better)");
        // The ranking statistic first, then the usual ones that are not it (the default rank, Sharpe Ratio, was shown twice).
        var others = SummaryColumns.Where(name => name != objective.Statistic).ToList();
        table.AddColumns(["#", "Parameters", Markup.Escape(objective.Statistic), .. others]);
        var shown = 0;
        foreach (var run in runs.Where(static r => r.Result is not null).Take(top))
        {
            var r = run.Result!;
            table.AddRow([(++shown).ToString(CultureInfo.InvariantCulture), Markup.Escape(Describe(run.Values)), S(r, objective.Statistic), .. others.Select(name => S(r, name))]);
        }

        AnsiConsole.Write(table);
        var skipped = runs.Count(static r => r.Result is null);
        if (skipped > 0)
        {
            AnsiConsole.MarkupLine($"{skipped} combinations broke a template rule and were not run (e.g. {Markup.Escape(runs.First(static r => r.Result is null).Error!)}).");
        }

        return ExitCodes.Success;
    }

    private static int Print(bool json, WalkForwardResult walk, Objective objective)
    {
        if (json)
        {
            var windows = new JsonArray();
            foreach (var w in walk.Windows)
            {
                windows.Add(new JsonObject
                {
                    ["train"] = $"{w.TrainStart:yyyy-MM-dd}/{w.TrainEnd:yyyy-MM-dd}",
                    ["test"] = $"{w.TestStart:yyyy-MM-dd}/{w.TestEnd:yyyy-MM-dd}",
                    ["best"] = w.Best is null ? null : Values(w.Best.Values),
                    ["train_score"] = w.Best?.Result?.Statistic(objective.Statistic),
                    ["test_statistics"] = w.Test is null ? null : new JsonObject(w.Test.Statistics.Select(static s => KeyValuePair.Create(s.Name, (JsonNode?)JsonValue.Create(s.Value)))),
                });
            }

            Console.Out.WriteLine(BacktestJson.Write(new JsonObject { ["rank_by"] = objective.Statistic, ["out_of_sample_return"] = walk.OutOfSampleReturn, ["windows"] = windows }));
            return ExitCodes.Success;
        }

        var table = new Table().Title($"Walk-forward, ranked by {Markup.Escape(objective.Statistic)}");
        table.AddColumns("Train", "Test", "Best parameters", "Train score", "Test Net Profit", "Test Sharpe Ratio");
        foreach (var w in walk.Windows)
        {
            table.AddRow($"{w.TrainStart:yyyy-MM-dd} to {w.TrainEnd:yyyy-MM-dd}", $"{w.TestStart:yyyy-MM-dd} to {w.TestEnd:yyyy-MM-dd}",
                Markup.Escape(w.Best is null ? "(none ran)" : Describe(w.Best.Values)),
                w.Best?.Result is { } train ? S(train, objective.Statistic) : "",
                w.Test is null ? "" : S(w.Test, "Net Profit"), w.Test is null ? "" : S(w.Test, "Sharpe Ratio"));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"Out-of-sample return, test windows chained: [bold]{StatisticFormatter.Format(walk.OutOfSampleReturn, StatisticFormat.Percent)}[/]");
        return ExitCodes.Success;
    }

    private static JsonObject Values(IReadOnlyDictionary<string, object> values) =>
        new(values.OrderBy(static kv => kv.Key, StringComparer.Ordinal).Select(static kv => KeyValuePair.Create(kv.Key, (JsonNode?)ParameterSchema.ToNode(kv.Value))));

    private static string Describe(IReadOnlyDictionary<string, object> values) =>
        string.Join(", ", values.OrderBy(static kv => kv.Key, StringComparer.Ordinal).Select(static kv => $"{kv.Key}={ParameterSet.Format(kv.Value)}"));

    /// <summary>A statistic of a result, formatted as the report formats it.</summary>
    private static string S(BacktestResult result, string name) =>
        Markup.Escape(StatisticFormatter.Format(result.Statistics.First(s => s.Name == name)));

}
