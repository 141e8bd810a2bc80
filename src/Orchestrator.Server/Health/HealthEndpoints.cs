using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.Migrations;

namespace Orchestrator.Server.Health;

public static class HealthEndpoints
{
    public sealed record HealthReport(string Status, string Provider, bool DatabaseReachable, bool SchemaCurrent, int PendingMigrations, IReadOnlyList<string> ChangedMigrations);

    /// <summary><c>GET /health</c>: 200 when the database answers and its schema is current, else 503.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", CheckAsync)
            .WithName("Health")
            .WithTags("System")
            .WithSummary("Database reachable and schema current");
        // The same report through the API's full pipeline (credentials, quota, usage row), for monitoring
        // with an API key; the benchmark compares the two to price that pipeline.
        app.MapGet(Hosting.ServerDefaults.ApiPrefix + "/system/health", CheckAsync)
            .RequireAuthorization(Auth.ApiAccessRequirement.PolicyName)
            .WithName("ApiHealth")
            .WithTags("System")
            .WithSummary("The health report, for authenticated monitoring");
        return app;
    }

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> CheckAsync(
        Migrator migrator, DatabaseOptions database, CancellationToken ct)
    {
        try
        {
            var status = await migrator.StatusAsync(ct);
            var pending = status.Count(s => s.State == MigrationState.Pending);
            var changed = status.Where(s => s.State == MigrationState.Changed).Select(s => s.Version).ToList();
            var current = pending == 0 && changed.Count == 0;
            var report = new HealthReport(current ? "Healthy" : "Unhealthy", database.Provider.ToString(), true, current, pending, changed);
            return current ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (DatabaseUnavailableException)
        {
            var report = new HealthReport("Unhealthy", database.Provider.ToString(), false, false, 0, []);
            return TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
