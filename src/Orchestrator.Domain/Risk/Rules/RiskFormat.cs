using System.Globalization;
using Orchestrator.Domain.Portfolio;

namespace Orchestrator.Domain.Risk.Rules;

/// <summary>The rules' message formats: money with 2 decimals, ratios with 4 to 6 (0.3000, 0.3412, 0.02002).</summary>
internal static class RiskFormat
{
    public static string Money(decimal value) => value.ToString("F2", CultureInfo.InvariantCulture);

    public static string Ratio(decimal value) => value.ToString("0.0000##", CultureInfo.InvariantCulture);

    public static LimitViolation Violation(string limit, decimal value, decimal threshold, string message) =>
        new(limit, value, threshold, $"{limit}: {message}");
}
