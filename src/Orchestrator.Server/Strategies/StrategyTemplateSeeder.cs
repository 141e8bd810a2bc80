using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Orchestrator.Domain.Strategies.Templates;
using Orchestrator.Server.Hosting;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.Model.Entities;
using Orchestrator.Storage.Model;

namespace Orchestrator.Server.Strategies;

/// <summary>
/// Puts the built-in templates (<see cref="StrategyCatalog.All"/>) into <c>strategy_templates</c> at start-up:
/// inserted by <c>template_name</c> when missing, brought up to date when the code changed them (type,
/// description, default parameters and risk settings, parameter schema, category, tags, version), untouched
/// otherwise, so any number of starts leaves one row per template with its first id. Rows of templates that
/// are not in the catalog are left alone. Like <c>TradingStartup</c>, a server whose database is down still
/// starts and seeds as soon as the database answers.
/// </summary>
public sealed class StrategyTemplateSeeder(ConnectionFactory connections, TimeProvider time, ILogger<StrategyTemplateSeeder> log)
    : DatabaseStartupTask(log)
{
    public const string Author = "Day Trading Orchestrator";

    protected override string Subject => "Strategy templates";

    /// <inheritdoc />
    protected override Task RunAsync(CancellationToken cancellationToken) => SeedAsync(cancellationToken);

    /// <summary>Upserts every catalog template; returns how many rows it inserted or changed.</summary>
    public async Task<int> SeedAsync(CancellationToken ct)
    {
        // Two servers starting together may both insert a template: the unique index on template_name refuses
        // the second, which then finds the row and compares it instead.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await UpsertAsync(ct);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
            }
        }
    }

    private async Task<int> UpsertAsync(CancellationToken ct)
    {
        await using var db = OrchestratorDbContext.Create(connections);
        var names = StrategyCatalog.All.Select(t => t.Name).ToList();
        var existing = await db.StrategyTemplates.Where(t => names.Contains(t.TemplateName)).ToDictionaryAsync(t => t.TemplateName, StringComparer.Ordinal, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var changed = 0;
        foreach (var definition in StrategyCatalog.All)
        {
            if (!existing.TryGetValue(definition.Name, out var row))
            {
                row = new StrategyTemplate { TemplateName = definition.Name, CreatedAt = now, VerificationDate = now };
                db.StrategyTemplates.Add(row);
            }

            Apply(definition, row);
            var entry = db.Entry(row);
            entry.DetectChanges();
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                row.UpdatedAt = now;
                changed++;
            }
        }

        await db.SaveChangesAsync(ct);
        if (changed > 0)
        {
            log.LogInformation("Seeded {Changed} of {Templates} strategy templates", changed, names.Count);
        }

        return changed;
    }

    private static void Apply(StrategyTemplateDefinition definition, StrategyTemplate row)
    {
        row.TemplateType = definition.Type;
        row.Description = definition.Description;
        row.DefaultParameters = StoredJson.Text(row.DefaultParameters, definition.Parameters.DefaultsJson())!;
        row.DefaultRiskSettings = StoredJson.Text(row.DefaultRiskSettings, definition.RiskDefaults.ToJson());
        row.ParameterSchema = StoredJson.Text(row.ParameterSchema, definition.Parameters.ToJsonSchema());
        row.Author = Author;
        row.Version = definition.Version;
        row.Category = definition.Category;
        if (row.Tags is null || !row.Tags.SequenceEqual(definition.Tags, StringComparer.Ordinal))
        {
            row.Tags = [.. definition.Tags];
        }

        row.IsPremium = false;
        row.LicenseType = "FREE";
        row.IsActive = true;
        row.IsVerified = true;
    }
}
