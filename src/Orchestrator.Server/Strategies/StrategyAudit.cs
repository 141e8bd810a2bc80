using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Orchestrator.Server.Auditing;

namespace Orchestrator.Server.Strategies;

/// <summary>
/// Audit values for a change that spans a strategy's three rows: one audit row per change, its old and new
/// values keyed <c>table.column</c> (<c>strategies.parameters</c>, <c>user_strategies.trading_schedule</c>,
/// <c>strategy_configs.document</c>), JSON columns shown as JSON rather than as escaped text.
/// </summary>
public static class StrategyAudit
{
    public const string ResourceType = "STRATEGY";

    /// <summary>Every column of the rows (for creations and deletions).</summary>
    public static string Snapshot(params EntityEntry[] entries)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (var property in entry.Properties)
            {
                values[Key(entry, property)] = Value(property, property.CurrentValue);
            }
        }

        return AuditValues.Serialize(values);
    }

    /// <summary>The columns the change modified, old and new (nulls when nothing changed); <c>updated_at</c> is left out.</summary>
    public static (string? Old, string? New) Changes(params EntityEntry[] entries)
    {
        var old = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        var @new = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (var property in entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)))
            {
                if (property.Metadata.GetColumnName() == "updated_at")
                {
                    continue;
                }

                old[Key(entry, property)] = Value(property, property.OriginalValue);
                @new[Key(entry, property)] = Value(property, property.CurrentValue);
            }
        }

        return old.Count == 0 ? (null, null) : (AuditValues.Serialize(old), AuditValues.Serialize(@new));
    }

    private static string Key(EntityEntry entry, PropertyEntry property) => $"{entry.Metadata.GetTableName()}.{property.Metadata.GetColumnName()}";

    private static object? Value(PropertyEntry property, object? value) =>
        value is string text && property.Metadata.GetColumnType() is "jsonb" or "JSON_TEXT" ? JsonNode.Parse(text) : value;
}
