using Orchestrator.Integration.Tests.Support;

namespace Orchestrator.Integration.Tests.Cli;

/// <summary>
/// Parse errors are bad input: exit 2, the parser's lines naming the option or argument on stderr, a hint, and nothing on stdout
/// (System.CommandLine's own handling exited 1 and dumped the help text on stdout). Nothing here reaches a database.
/// </summary>
public sealed class ParseErrorTests
{
    [Theory]
    [InlineData("orchestrator orders place", "Cannot parse argument 'abc' for option '--quantity' as expected type 'Decimal'.",
        "orders", "place", "--account", "0196f5a0-0000-7000-8000-000000000001", "--symbol", "XYZ", "--side", "BUY", "--quantity", "abc")]
    [InlineData("orchestrator orders place", "Cannot parse argument 'nope' for option '--account' as expected type 'Guid'.",
        "orders", "place", "--account", "nope", "--symbol", "XYZ", "--side", "BUY", "--quantity", "1")]
    [InlineData("orchestrator orders place", "Option '--account' is required.", "orders", "place", "--symbol", "XYZ", "--side", "BUY", "--quantity", "1")]
    [InlineData("orchestrator orders cancel", "Cannot parse argument 'xyz' for ORDER-ID as expected type 'Guid'.", "orders", "cancel", "xyz")]
    [InlineData("orchestrator orders cancel", "ORDER-ID: is required.", "orders", "cancel")]
    [InlineData("orchestrator data bars", "SYMBOL: is required.", "data", "bars", "--from", "2024-01-01", "--to", "2024-01-02")]
    [InlineData("orchestrator data bars", "Cannot parse argument 'xx' for option '--from' as expected type 'DateTimeOffset'.",
        "data", "bars", "XYZ", "--from", "xx", "--to", "2024-01-02")]
    [InlineData("orchestrator data generate", "Cannot parse argument 'abc' for option '--symbols' as expected type 'Int32'.", "data", "generate", "--symbols", "abc")]
    [InlineData("orchestrator api-keys create", "Cannot parse argument 'yesterday' for option '--expires-at' as expected type 'DateTimeOffset'.",
        "api-keys", "create", "--email", "a@example.com", "--name", "n", "--expires-at", "yesterday")]
    [InlineData("orchestrator orders", "Unrecognized command or argument 'plac'.", "orders", "plac")]
    public async Task A_parse_error_exits_2_naming_the_option_on_stderr_without_the_help_text(string command, string error, params string[] arguments)
    {
        var output = await CliRunner.RunAsync(arguments);

        Assert.Equal(2, output.ExitCode);
        Assert.Equal(string.Empty, output.StandardOutput);
        var lines = output.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains($"orchestrator: {error}", lines);
        Assert.Equal($"see '{command} --help'", lines[^1]);
    }

    [Fact]
    public async Task Help_still_prints_to_stdout_and_exits_0_even_with_required_options_missing()
    {
        var output = await CliRunner.RunAsync("orders", "place", "--help");

        Assert.Equal(0, output.ExitCode);
        Assert.Contains("--quantity", output.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output.StandardError);
    }
}
