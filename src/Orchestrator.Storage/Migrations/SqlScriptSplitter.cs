using System.Text;

namespace Orchestrator.Storage.Migrations;

/// <summary>
/// Splits a SQL script into statements at top-level semicolons, skipping those inside quotes, quoted
/// identifiers, dollar-quoted bodies ($$ ... $$, $tag$ ... $tag$) and comments. Needed for migrations that
/// run outside a transaction: PostgreSQL treats a multi-statement command as one implicit transaction, in
/// which CREATE INDEX CONCURRENTLY is refused.
/// </summary>
public static class SqlScriptSplitter
{
    public static IReadOnlyList<string> Split(string script)
    {
        var statements = new List<string>();
        var current = new StringBuilder();
        var i = 0;
        while (i < script.Length)
        {
            var c = script[i];
            var next = i + 1 < script.Length ? script[i + 1] : '\0';
            int end;
            if (c == '-' && next == '-')
            {
                end = script.IndexOf('\n', i);
                end = end < 0 ? script.Length : end;
            }
            else if (c == '/' && next == '*')
            {
                end = script.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? script.Length : end + 2;
            }
            else if (c is '\'' or '"')
            {
                end = QuotedEnd(script, i, c);
            }
            else if (c == '$' && DollarTag(script, i) is { } tag)
            {
                var close = script.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
                end = close < 0 ? script.Length : close + tag.Length;
            }
            else if (c == ';')
            {
                AddStatement(statements, current);
                i++;
                continue;
            }
            else
            {
                end = i + 1;
            }

            current.Append(script, i, end - i);
            i = end;
        }

        AddStatement(statements, current);
        return statements;
    }

    private static int QuotedEnd(string script, int start, char quote)
    {
        var i = start + 1;
        while (i < script.Length)
        {
            if (script[i] == quote)
            {
                // A doubled quote is an escaped quote inside the literal.
                if (i + 1 < script.Length && script[i + 1] == quote)
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        return script.Length;
    }

    /// <summary>The dollar-quote tag starting at <paramref name="start"/> ($$ or $name$), or null.</summary>
    private static string? DollarTag(string script, int start)
    {
        var i = start + 1;
        while (i < script.Length && (char.IsLetterOrDigit(script[i]) || script[i] == '_'))
        {
            i++;
        }

        if (i < script.Length && script[i] == '$' && (i == start + 1 || !char.IsDigit(script[start + 1])))
        {
            return script.Substring(start, i - start + 1);
        }

        return null;
    }

    private static void AddStatement(List<string> statements, StringBuilder current)
    {
        var text = current.ToString().Trim();
        current.Clear();
        if (HasCode(text))
        {
            statements.Add(text);
        }
    }

    /// <summary>True when the text holds more than comments and whitespace.</summary>
    public static bool HasCode(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && !trimmed.StartsWith("--", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
