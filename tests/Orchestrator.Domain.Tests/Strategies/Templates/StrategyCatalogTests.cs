using System.Text.Json.Nodes;
using Orchestrator.Domain.Backtesting;
using Orchestrator.Domain.Backtesting.Statistics;
using Orchestrator.Domain.MarketData;
using Orchestrator.Domain.Strategies.Templates;

namespace Orchestrator.Domain.Tests.Strategies.Templates;

public sealed class StrategyCatalogTests
{
    public static TheoryData<string> Names => [.. StrategyCatalog.All.Select(t => t.Name)];

    [Fact]
    public void Names_are_unique_and_found_by_name()
    {
        Assert.Equal(7, StrategyCatalog.All.Count);
        Assert.Equal(StrategyCatalog.All.Count, StrategyCatalog.All.Select(t => t.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(StrategyCatalog.All, t => Assert.Same(t, StrategyCatalog.Find(t.Name.ToUpperInvariant())));
        Assert.Null(StrategyCatalog.Find("no-such-template"));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Defaults_satisfy_the_templates_own_rules(string name)
    {
        var template = StrategyCatalog.Find(name)!;
        var resolution = template.Validate(template.Parameters.Resolve(new Dictionary<string, object>()));
        Assert.True(resolution.IsValid, string.Join("; ", resolution.Errors.Select(e => e.Message)));
        Assert.Equal(template.Parameters.Specs.Select(s => s.Path).Order(StringComparer.Ordinal), resolution.Parameters!.Values.Keys);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Json_schema_lists_every_parameter_path(string name)
    {
        var template = StrategyCatalog.Find(name)!;
        var schema = template.Parameters.ToJsonSchema();
        foreach (var spec in template.Parameters.Specs)
        {
            var node = (JsonNode)schema;
            foreach (var part in spec.Path.Split('.'))
            {
                node = node["properties"]?[part];
                Assert.True(node is not null, $"{name}: {spec.Path} is missing from the schema at '{part}'");
            }

            Assert.NotNull(node!["type"]);
            Assert.Equal(ParametersDefault(spec.Default), node["default"]!.ToJsonString());
        }

        // And nothing else: the leaves of the schema are exactly the spec paths.
        Assert.Equal(template.Parameters.Specs.Select(s => s.Path).Order(StringComparer.Ordinal), Leaves(schema, null).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_default_instance_runs_synthetic_days_and_counts_its_orders(string name)
    {
        var template = StrategyCatalog.Find(name)!;
        var generator = new SyntheticBarGenerator(11);
        var first = new DateOnly(2024, 1, 2);
        var bars = generator.Bars(generator.Symbols(2), first, 3).ToArray();
        var request = new BacktestRequest(template, template.Parameters.Defaults, ["SYN001", "SYN002"], first, new DateOnly(2024, 1, 4), new BacktestSettings());

        var result = Backtester.Run(request, bars, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(bars.Length, result.BarsProcessed);
        Assert.NotEmpty(result.Orders); // every template trades on these days at its defaults (so the count below is not 0 = 0)
        Assert.Equal(result.Orders.Count, result.Statistic(StatisticNames.TotalOrders));
        Assert.Equal(4, result.EquityCurve.Count); // the start, then each of the three days' closes
        Assert.Equal(result.EquityCurve[^1].Equity, result.Statistic(StatisticNames.EndEquity));
    }

    private static string ParametersDefault(object value) => Orchestrator.Domain.Strategies.Parameters.ParameterSchema.ToNode(value).ToJsonString();

    private static IEnumerable<string> Leaves(JsonNode node, string? prefix)
    {
        foreach (var (key, child) in node["properties"]!.AsObject())
        {
            var path = prefix is null ? key : $"{prefix}.{key}";
            if ((string?)child!["type"] == "object")
            {
                foreach (var leaf in Leaves(child, path))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return path;
            }
        }
    }
}
