namespace Orchestrator.Storage.Model.Entities;

/// <summary>A row of <c>strategy_templates</c> (see the initial-schema migrations for the column definitions).</summary>
public sealed class StrategyTemplate
{
    public Guid TemplateId { get; set; } = Guid.CreateVersion7();

    public string TemplateName { get; set; } = string.Empty;

    public string TemplateType { get; set; } = string.Empty;

    public string? Description { get; set; }

    /// <summary>JSON document (jsonb on PostgreSQL, JSON text on SQLite).</summary>
    public string DefaultParameters { get; set; } = string.Empty;

    /// <summary>JSON document (jsonb on PostgreSQL, JSON text on SQLite).</summary>
    public string? DefaultRiskSettings { get; set; }

    /// <summary>
    /// Added by migration 20261126_005: the JSON Schema (draft 2020-12) that a user's parameter overrides are
    /// validated against (jsonb on PostgreSQL, JSON text on SQLite).
    /// </summary>
    public string? ParameterSchema { get; set; }

    public string? Author { get; set; }

    public string? Version { get; set; }

    public string? Category { get; set; }

    public string[]? Tags { get; set; }

    public bool? IsPremium { get; set; }

    public string? LicenseType { get; set; }

    public bool? IsActive { get; set; }

    public bool? IsVerified { get; set; }

    public DateTime? VerificationDate { get; set; }

    public DateTime? CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }
}
