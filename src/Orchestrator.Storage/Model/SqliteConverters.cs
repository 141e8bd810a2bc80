using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;
using NodaTime.Text;

namespace Orchestrator.Storage.Model;

/// <summary>Value converters for types SQLite has no storage class for.</summary>
internal static class SqliteConverters
{
    internal sealed class GuidToLowerString() : ValueConverter<Guid, string>(
        v => v.ToString("D"),
        v => Guid.Parse(v));

    /// <summary>Writes instants as UTC and reads them back marked UTC (SQLite text carries no kind).</summary>
    internal sealed class UtcDateTime() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : v,
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    internal sealed class PeriodToIsoString() : ValueConverter<Period, string>(
        v => PeriodPattern.Roundtrip.Format(v),
        v => PeriodPattern.Roundtrip.Parse(v).Value);
}
