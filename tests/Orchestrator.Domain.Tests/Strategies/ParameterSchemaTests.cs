using System.Text.Json.Nodes;
using Orchestrator.Domain.Strategies.Parameters;

namespace Orchestrator.Domain.Tests.Strategies;

public sealed class ParameterSchemaTests
{
    private static readonly ParameterSchema Schema = new(
    [
        ParameterSpec.Integer("moving_averages.short_period", 10, "Short moving average, in bars", 1, 200),
        ParameterSpec.Number("allocation", 0.5m, "Fraction of equity invested", 0m, 1m),
    ]);

    [Fact]
    public void ToJsonSchema_nests_dotted_paths_and_forbids_unknown_names()
    {
        // Objects for each path prefix, additionalProperties false at every level, nothing required (a missing
        // parameter takes its default); each leaf carries its type, description, default and bounds.
        // (Written indented for reading; compared compact, property order included.)
        var expected = JsonNode.Parse("""
            {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "moving_averages": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "short_period": { "type": "integer", "description": "Short moving average, in bars", "default": 10, "minimum": 1, "maximum": 200 }
                  }
                },
                "allocation": { "type": "number", "description": "Fraction of equity invested", "default": 0.5, "minimum": 0, "maximum": 1 }
              },
              "$schema": "https://json-schema.org/draft/2020-12/schema"
            }
            """)!.ToJsonString();
        Assert.Equal(expected, Schema.ToJsonSchema().ToJsonString());
    }

    [Fact]
    public void Defaults_and_overrides_are_nested_documents()
    {
        Assert.Equal("""{"moving_averages":{"short_period":10},"allocation":0.5}""", Schema.DefaultsJson().ToJsonString());
        var resolved = Schema.Resolve(JsonNode.Parse("""{"moving_averages":{"short_period":5}}""")!.AsObject()).Parameters!;
        Assert.Equal(5, resolved.Int("moving_averages.short_period"));
        Assert.Equal(0.5m, resolved.Number("allocation"));
        // Only what differs from the defaults.
        Assert.Equal("""{"moving_averages":{"short_period":5}}""", Schema.Overrides(resolved).ToJsonString());
        Assert.Equal("""{"allocation":0.5,"moving_averages":{"short_period":5}}""", ParameterSchema.ToJson(resolved).ToJsonString());
    }

    [Theory]
    [InlineData("""{"allocation":1.5}""", "allocation", "allocation must be at most 1")]
    [InlineData("""{"allocation":"half"}""", "allocation", "allocation must be a number")]
    [InlineData("""{"allocashun":0.5}""", "allocashun", "allocashun is not a parameter of this strategy")]
    [InlineData("""{"moving_averages":{"short_period":2.5}}""", "moving_averages.short_period", "moving_averages.short_period must be an integer")]
    [InlineData("""{"moving_averages":{"short_period":0}}""", "moving_averages.short_period", "moving_averages.short_period must be at least 1")]
    [InlineData("""{"moving_averages":{"long_period":20}}""", "moving_averages.long_period", "moving_averages.long_period is not a parameter of this strategy")]
    public void Resolve_names_the_parameter_of_each_error(string overrides, string path, string message)
    {
        var resolution = Schema.Resolve(JsonNode.Parse(overrides)!.AsObject());
        Assert.False(resolution.IsValid);
        var error = Assert.Single(resolution.Errors);
        Assert.Equal(path, error.Path);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Resolve_from_text_parses_each_value_as_its_type()
    {
        var resolution = Schema.Resolve([KeyValuePair.Create("moving_averages.short_period", "7"), KeyValuePair.Create("allocation", "0.25")]);
        Assert.Equal(7, resolution.Parameters!.Int("moving_averages.short_period"));
        Assert.Equal(0.25m, resolution.Parameters.Number("allocation"));

        var bad = Schema.Resolve([KeyValuePair.Create("allocation", "lots")]);
        Assert.Equal("allocation", Assert.Single(bad.Errors).Path);
    }
}
