using System.CommandLine;
using System.Text;
using Orchestrator.Server.Validation;

namespace Orchestrator.Cli.Commands;

/// <summary>
/// The services validate requests in the API's terms (<c>assetClass</c>, <c>tickSize</c>); a command names what its
/// user typed instead: the option (<c>--asset-class</c>) or the argument (<c>SYMBOL</c>) the field came from.
/// </summary>
public static class FieldErrors
{
    /// <summary>Exit 2 with one line per field, each named as the command's option or argument.</summary>
    public static int Fail(ParseResult parse, ValidationErrors errors, Func<string, string>? adjust = null)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(errors);
        var command = parse.CommandResult.Command;
        var lines = errors.LinesNaming(field => NameOf(command, field)).Select(adjust ?? (static line => line));
        return CommandErrors.Fail(ExitCodes.BadInput, string.Join("; ", lines));
    }

    /// <summary>The option or argument of <paramref name="command"/> that carries <paramref name="field"/>, else the field.</summary>
    public static string NameOf(Command command, string field)
    {
        ArgumentNullException.ThrowIfNull(command);
        var option = "--" + Kebab(field);
        if (command.Options.Any(o => o.Name == option || o.Aliases.Contains(option)))
        {
            return option;
        }

        return command.Arguments.Any(a => string.Equals(a.Name, field, StringComparison.OrdinalIgnoreCase)) ? field.ToUpperInvariant() : field;
    }

    private static string Kebab(string camel)
    {
        var text = new StringBuilder(camel.Length + 4);
        foreach (var c in camel)
        {
            if (char.IsUpper(c))
            {
                text.Append('-').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
