using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using Orchestrator.Cli.Commands;

namespace Orchestrator.Cli;

/// <summary>
/// Command-line parse errors (a value of the wrong type, a missing required option, an unknown command) as bad
/// input: each of the parser's lines on stderr, which name the option, a hint where the help is, exit 2. The
/// parser's own handling would exit 1 and print the whole help text to stdout, where a script reads results.
/// </summary>
public static partial class ParseErrors
{
    /// <summary>True when <paramref name="parse"/> has errors that its action would not ignore (as <c>--help</c> does).</summary>
    public static bool Any(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.Errors.Count > 0 && parse.Action is not { ClearsParseErrors: true };
    }

    public static int Report(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        foreach (var error in parse.Errors)
        {
            Console.Error.WriteLine($"orchestrator: {Message(error)}");
        }

        Console.Error.WriteLine($"see '{CommandPath(parse.CommandResult)} --help'");
        return ExitCodes.BadInput;
    }

    /// <summary>"orchestrator orders place": the command the error belongs to, from the root down.</summary>
    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? result = command; result is not null; result = result.Parent)
        {
            if (result is CommandResult { Command: var c })
            {
                names.Add(c is RootCommand ? "orchestrator" : c.Name);
            }
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    /// <summary>
    /// The parser's line, naming what was typed: a positional argument by its name as the help shows it (<c>ID</c>,
    /// <c>SYMBOL</c>) where the parser names only its command ("for command 'cancel'", "Required argument missing
    /// for command: 'bars'"), and CLR types by their short names.
    /// </summary>
    private static string Message(ParseError error)
    {
        var message = Readable(error.Message);
        if (error.SymbolResult is not ArgumentResult { Argument: var argument, Parent: CommandResult { Command: var owner } })
        {
            return message;
        }

        var name = argument.Name.ToUpperInvariant();
        return message.StartsWith("Required argument missing", StringComparison.Ordinal)
            ? $"{name}: is required."
            : message.Replace($"for command '{owner.Name}'", $"for {name}", StringComparison.Ordinal);
    }

    /// <summary>The parser names CLR types ('System.Nullable`1[System.DateTimeOffset]'); a user needs only 'DateTimeOffset'.</summary>
    private static string Readable(string message) => ClrTypeName().Replace(message, static m => m.Groups["type"].Value);

    [GeneratedRegex(@"System\.Nullable`1\[System\.(?<type>\w+)\]|System\.(?<type>\w+)")]
    private static partial Regex ClrTypeName();
}
