using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.Backtesting;
using Orchestrator.Domain.Common;
using Orchestrator.Domain.Matching.Fees;
using Orchestrator.Domain.Matching.Slippage;
using Orchestrator.Domain.Strategies.Parameters;
using Orchestrator.Domain.Strategies.Templates;
using Orchestrator.Storage.Model;

namespace Orchestrator.Cli.Backtests;

/// <summary>
/// The switches every backtest command shares (strategy template, symbols, dates, parameters, fees, slippage,
/// capital, benchmark, risk-free rate, JSON output) and their parsing into a <see cref="BacktestRequest"/>,
/// with each error naming its switch.
/// </summary>
public sealed class BacktestOptions
{
    public Option<string> Strategy { get; } = new("--strategy")
    {
        Description = "A template name (" + string.Join(", ", StrategyCatalog.All.Select(t => t.Name)) + ") or a user strategy's id (its backtests are then stored)",
        Required = true,
    };

    /// <summary>The user strategy when <c>--strategy</c> is an id (null when it is a template name), or an error naming the switch.</summary>
    public async Task<(StoredStrategy? Strategy, string? Error)> StoredAsync(ParseResult parse, IServiceProvider services, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(services);
        if (!Guid.TryParse(parse.GetValue(Strategy), out var id))
        {
            return (null, null);
        }

        await using var scope = services.CreateAsyncScope();
        return await StoredStrategy.FindAsync(scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>(), id, ct);
    }

    public Option<string> Symbols { get; } = new("--symbols") { Description = "Comma-separated symbols", Required = true };

    public Option<string> From { get; } = new("--from") { Description = "First trading day (YYYY-MM-DD)", Required = true };

    public Option<string> To { get; } = new("--to") { Description = "Last trading day, inclusive (YYYY-MM-DD)", Required = true };

    public Option<string[]> Params { get; } = new("--param") { Description = "A parameter, path=value (repeatable), e.g. moving_averages.short_period=5", AllowMultipleArgumentsPerToken = false };

    public Option<string> Fees { get; } = new("--fees") { Description = "per-share:0.005,min:1 | percentage:0.001 | per-order:1 | none", DefaultValueFactory = _ => "percentage:0.001" };

    public Option<string> Slippage { get; } = new("--slippage") { Description = "0.0005 | fixed:0.0005 | volume-share:0.1 | none", DefaultValueFactory = _ => "0.0005" };

    public Option<decimal> Capital { get; } = new("--capital") { Description = "Initial capital", DefaultValueFactory = _ => 100_000m };

    public Option<string?> Benchmark { get; } = new("--benchmark") { Description = "Benchmark symbol for alpha, beta, tracking error" };

    public Option<decimal> RiskFree { get; } = new("--risk-free") { Description = "Annual risk-free rate, as a fraction", DefaultValueFactory = _ => 0m };

    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON object instead of tables" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Strategy, Symbols, From, To, Params, Fees, Slippage, Capital, Benchmark, RiskFree, Json })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The request, or the first error naming its switch.</summary>
    /// <param name="checkRules">
    /// Whether the fixed parameters must satisfy the template's cross-parameter rules on their own; an optimizer
    /// passes false, because its ranges complete them and each combination is checked when it is run.
    /// </param>
    /// <param name="stored">The user strategy <c>--strategy</c> named by id: its template, and its parameters under the <c>--param</c>s.</param>
    public (BacktestRequest? Request, string? Error) Parse(ParseResult parse, StoredStrategy? stored = null, bool checkRules = true)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if ((stored?.Template ?? StrategyCatalog.Find(parse.GetValue(Strategy) ?? string.Empty)) is not { } template)
        {
            return (null, $"--strategy: '{parse.GetValue(Strategy)}' is not a template ({string.Join(", ", StrategyCatalog.All.Select(t => t.Name))})");
        }

        var symbols = (parse.GetValue(Symbols) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(static s => s.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (symbols.Count == 0)
        {
            return (null, "--symbols: name at least one symbol");
        }

        if (!TryDate(parse.GetValue(From), out var from))
        {
            return (null, $"--from: '{parse.GetValue(From)}' is not a date (YYYY-MM-DD)");
        }

        if (!TryDate(parse.GetValue(To), out var to) || to < from)
        {
            return (null, $"--to: '{parse.GetValue(To)}' is not a date (YYYY-MM-DD) on or after --from");
        }

        foreach (var (option, day) in new[] { ("--from", from), ("--to", to) })
        {
            if (CalendarRange.Problem(day) is { } problem)
            {
                return (null, $"{option}: {problem}");
            }
        }

        var (parameters, paramError) = Parameters(template, parse.GetValue(Params) ?? [], checkRules, stored);
        if (parameters is null)
        {
            return (null, paramError);
        }

        if (FeeModelSpec.Parse(parse.GetValue(Fees), out var feeError) is not { } fees)
        {
            return (null, $"--fees: {feeError}");
        }

        if (SlippageModelSpec.Parse(parse.GetValue(Slippage), out var slippageError) is not { } slippage)
        {
            return (null, $"--slippage: {slippageError}");
        }

        if (parse.GetValue(Capital) <= 0m)
        {
            return (null, "--capital: must be positive");
        }

        if (parse.GetValue(RiskFree) is < 0m or >= 1m)
        {
            return (null, "--risk-free: must be in [0, 1)");
        }

        var settings = new BacktestSettings
        {
            InitialCapital = parse.GetValue(Capital),
            FeeModel = fees,
            SlippageModel = slippage,
            BenchmarkSymbol = parse.GetValue(Benchmark)?.Trim().ToUpperInvariant() is { Length: > 0 } b ? b : null,
            RiskFreeRate = parse.GetValue(RiskFree),
        };
        return (new BacktestRequest(template, parameters, symbols, from, to, settings, stored?.Name), null);
    }

    /// <summary>
    /// The parameters: the stored strategy's (else the template's defaults) with each <c>--param path=value</c>
    /// laid over them, typed by the template's schema.
    /// </summary>
    public static (ParameterSet? Parameters, string? Error) Parameters(
        StrategyTemplateDefinition template, IEnumerable<string> pairs, bool checkRules = true, StoredStrategy? stored = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        var overrides = new List<KeyValuePair<string, string>>();
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return (null, $"--param: '{pair}' is not path=value");
            }

            overrides.Add(KeyValuePair.Create(pair[..equals].Trim(), pair[(equals + 1)..].Trim()));
        }

        var typed = template.Parameters.Resolve(overrides);
        if (typed.Parameters is not { } given)
        {
            return (null, "--param: " + string.Join("; ", typed.Errors.Select(static e => e.Message)));
        }

        var baseline = stored is null ? template.Parameters.Defaults : template.Parameters.Resolve(stored.Parameters).Parameters;
        if (baseline is null)
        {
            return (null, "--strategy: the strategy's stored parameters no longer fit its template");
        }

        var merged = baseline.Values.ToDictionary(static kv => kv.Key, static kv => kv.Value, StringComparer.Ordinal);
        foreach (var (path, _) in overrides)
        {
            merged[path] = given.Values[path];
        }

        var resolution = template.Parameters.Resolve(merged);
        resolution = checkRules ? template.Validate(resolution) : resolution;
        return resolution.Parameters is { } parameters ? (parameters, null) : (null, "--param: " + string.Join("; ", resolution.Errors.Select(static e => e.Message)));
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
