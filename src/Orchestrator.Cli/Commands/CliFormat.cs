using System.Globalization;

namespace Orchestrator.Cli.Commands;

/// <summary>How tables print values.</summary>
public static class CliFormat
{
    public static string Time(DateTime? value) => value?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";
}
