using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Backtesting;
using Orchestrator.Domain.Common;
using Orchestrator.Domain.Matching.Fees;
using Orchestrator.Domain.Matching.Slippage;
using Orchestrator.Domain.Strategies;
using Orchestrator.Domain.Strategies.Templates;
using Orchestrator.Server.Validation;
using Orchestrator.Storage.Model;

namespace Orchestrator.Server.Backtests;

/// <summary>The outcome of planning: the backtest to run, or field errors, or "no such strategy of yours".</summary>
public sealed record BacktestPlan(BacktestRequest? Request, ValidationErrors? Errors, bool StrategyNotFound = false);

/// <summary>
/// Turns a <see cref="RunBacktestRequest"/> into a runnable <see cref="BacktestRequest"/>: the caller's strategy
/// (its template through <c>user_strategies</c>, its resolved parameters from <c>strategies</c>, defaults from
/// its <c>strategy_configs</c> backtest_config), this run's overrides, and every field checked and named when
/// wrong. The worker plans again from the stored request, so a run always uses the strategy as it was saved.
/// </summary>
public sealed class BacktestPlanner(OrchestratorDbContext db)
{
    /// <summary>The longest range one backtest may cover: ten years of one-minute bars.</summary>
    public const int MaxDays = 3_660;

    public async Task<BacktestPlan> PlanAsync(Guid userId, RunBacktestRequest body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new ValidationErrors();
        if (body.StrategyId is not { } strategyId)
        {
            return new BacktestPlan(null, errors.Add("strategyId", "is required"));
        }

        var strategy = await (
            from s in db.Strategies.AsNoTracking()
            join us in db.UserStrategies.AsNoTracking() on s.StrategyId equals us.UserStrategyId
            join tpl in db.StrategyTemplates.AsNoTracking() on us.TemplateId equals tpl.TemplateId
            where s.StrategyId == strategyId && s.UserId == userId
            select new { s.StrategyName, s.Parameters, tpl.TemplateName }).FirstOrDefaultAsync(ct);
        if (strategy is null)
        {
            return new BacktestPlan(null, null, StrategyNotFound: true);
        }

        var document = await db.StrategyConfigs.AsNoTracking().Where(c => c.StrategyId == strategyId).Select(c => c.Document).FirstOrDefaultAsync(ct);
        var config = (document is null ? null : JsonNode.Parse(document)?["backtest_config"]) is JsonObject stored
            ? BacktestConfig.FromJson(stored.ToJsonString()).Settings ?? BacktestConfig.Default
            : BacktestConfig.Default;
        var template = StrategyCatalog.Find(strategy.TemplateName);
        if (template is null)
        {
            return new BacktestPlan(null, errors.Add("strategyId", $"the strategy's template '{strategy.TemplateName}' is not available"));
        }

        var saved = strategy.Parameters is null ? new JsonObject() : JsonNode.Parse(strategy.Parameters) as JsonObject ?? new JsonObject();
        var merged = Merge(saved, body.Parameters);
        var resolution = template.Validate(template.Parameters.Resolve(merged));
        foreach (var error in resolution.Errors)
        {
            errors.Add($"parameters.{error.Path}", error.Message);
        }

        var symbols = (body.Symbols ?? []).Select(static s => s.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        errors.Check(symbols.Count is > 0 and <= 500, "symbols", "name 1 to 500 symbols");
        var unknown = await BacktestSymbols.UnknownAsync(db, symbols, ct);
        errors.Check(unknown.Count == 0, "symbols", $"unknown symbols: {string.Join(", ", unknown)}");
        var benchmark = body.Benchmark?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(benchmark) && (await BacktestSymbols.UnknownAsync(db, [benchmark], ct)).Count > 0)
        {
            errors.Add("benchmark", $"unknown symbol {benchmark}");
        }

        var from = body.From ?? config.StartDate;
        var to = body.To ?? config.EndDate;
        errors.Check(from is not null, "from", "is required (or set backtest_config.start_date on the strategy)");
        errors.Check(to is not null, "to", "is required (or set backtest_config.end_date on the strategy)");
        foreach (var (field, day) in new[] { ("from", from), ("to", to) })
        {
            if (day is { } date && CalendarRange.Problem(date) is { } problem)
            {
                errors.Add(field, problem);
            }
        }

        if (from is { } f && to is { } t)
        {
            errors.Check(t >= f, "to", "must not be before from");
            errors.Check(t.DayNumber - f.DayNumber <= MaxDays, "to", $"a backtest covers at most {MaxDays} days");
        }

        var capital = body.InitialCapital ?? config.InitialCapital;
        errors.Check(capital is > 0m and < 1_000_000_000_000m, "initialCapital", "must be positive and below 10^12");
        string? feeError = null, slippageError = null;
        var fees = body.Fees is { } feeText ? FeeModelSpec.Parse(feeText, out feeError) : new PercentageFeeModel(config.CommissionRate);
        errors.Check(fees is not null, "fees", feeError ?? string.Empty);
        var slippage = body.Slippage is { } slipText ? SlippageModelSpec.Parse(slipText, out slippageError) : new FixedSlippageModel(config.Slippage);
        errors.Check(slippage is not null, "slippage", slippageError ?? string.Empty);
        errors.Check(body.RiskFreeRate is null or (>= 0m and < 1m), "riskFreeRate", "must be in [0, 1)");
        if (errors.Any)
        {
            return new BacktestPlan(null, errors);
        }

        var settings = new BacktestSettings
        {
            InitialCapital = capital,
            FeeModel = fees!,
            SlippageModel = slippage!,
            BenchmarkSymbol = string.IsNullOrEmpty(benchmark) ? null : benchmark,
            RiskFreeRate = body.RiskFreeRate ?? 0m,
        };
        return new BacktestPlan(new BacktestRequest(template, resolution.Parameters!, symbols, from!.Value, to!.Value, settings, strategy.StrategyName), null);
    }

    /// <summary>The stored parameters with this run's overrides laid over them (nested objects merge, leaves replace).</summary>
    private static JsonObject Merge(JsonObject stored, JsonObject? overrides)
    {
        var merged = (JsonObject)stored.DeepClone();
        if (overrides is null)
        {
            return merged;
        }

        foreach (var (name, value) in overrides)
        {
            merged[name] = value is JsonObject child && merged[name] is JsonObject existing
                ? Merge(existing, child)
                : value?.DeepClone();
        }

        return merged;
    }
}
