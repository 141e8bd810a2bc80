using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NpgsqlTypes;
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

    /// <summary>inet[] as a JSON array of "address/prefix" strings (CIDR ranges keep their prefix).</summary>
    internal sealed class InetArrayToJson() : ValueConverter<NpgsqlInet[], string>(
        v => JsonSerializer.Serialize(v.Select(i => $"{i.Address}/{i.Netmask}").ToArray(), (JsonSerializerOptions?)null),
        v => JsonSerializer.Deserialize<string[]>(v, (JsonSerializerOptions?)null)!.Select(s => new NpgsqlInet(s)).ToArray());

    internal sealed class InetArrayComparer() : ValueComparer<NpgsqlInet[]>(
        (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
        v => v.Aggregate(0, (hash, i) => HashCode.Combine(hash, i)),
        v => v.ToArray());
}
