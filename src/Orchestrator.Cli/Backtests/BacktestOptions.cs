using System.CommandLine;
using System.Globalization;
using Orchestrator.Domain.Backtesting;
using Orchestrator.Domain.Matching.Fees;
using Orchestrator.Domain.Matching.Slippage;
using Orchestrator.Domain.Strategies.Parameters;
using Orchestrator.Domain.Strategies.Templates;

namespace Orchestrator.Cli.Backtests;

/// <summary>
/// The switches every backtest command shares (strategy template, symbols, dates, parameters, fees, slippage,
/// capital, benchmark, risk-free rate, JSON output) and their parsing into a <see cref="BacktestRequest"/>,
/// with each error naming its switch.
/// </summary>
public sealed class BacktestOptions
{
    public Option<string> Strategy { get; } = new("--strategy") { Description = "Template name: " + string.Join(", ", StrategyCatalog.All.Select(t => t.Name)), Required = true };

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
    public (BacktestRequest? Request, string? Error) Parse(ParseResult parse, bool checkRules = true)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (StrategyCatalog.Find(parse.GetValue(Strategy) ?? string.Empty) is not { } template)
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

        var (parameters, paramError) = Parameters(template, parse.GetValue(Params) ?? [], checkRules);
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
        return (new BacktestRequest(template, parameters, symbols, from, to, settings), null);
    }

    /// <summary>The fixed parameters (--param path=value) as typed values, before any range is applied.</summary>
    public static (ParameterSet? Parameters, string? Error) Parameters(StrategyTemplateDefinition template, IEnumerable<string> pairs, bool checkRules = true)
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

        var resolution = template.Parameters.Resolve(overrides);
        resolution = checkRules ? template.Validate(resolution) : resolution;
        return resolution.Parameters is { } parameters ? (parameters, null) : (null, "--param: " + string.Join("; ", resolution.Errors.Select(static e => e.Message)));
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
