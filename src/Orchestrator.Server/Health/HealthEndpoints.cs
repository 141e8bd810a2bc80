using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Server.Trading;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.Migrations;

namespace Orchestrator.Server.Health;

public static class HealthEndpoints
{
    /// <summary>The health report.</summary>
    /// <param name="Status"><c>Healthy</c> when the database answers, its schema is current and the process did not lose its trading lease.</param>
    /// <param name="Provider">The configured database.</param>
    /// <param name="DatabaseReachable">Whether the database answered.</param>
    /// <param name="SchemaCurrent">Whether every migration is applied and none has changed since.</param>
    /// <param name="PendingMigrations">How many migrations are not applied yet.</param>
    /// <param name="ChangedMigrations">Applied migrations whose files have changed since.</param>
    /// <param name="Trading">
    /// <c>running</c> when this process runs trading on the database (it holds the trading lease and has restored the
    /// book); <c>waiting</c> while it waits for the database or, as a standby, for another process to stop trading;
    /// <c>lost</c> once it lost the lease (it is shutting down). A standby is healthy: it answers everything but trading.
    /// </param>
    public sealed record HealthReport(
        string Status, string Provider, bool DatabaseReachable, bool SchemaCurrent, int PendingMigrations, IReadOnlyList<string> ChangedMigrations, string Trading);

    /// <summary><c>GET /health</c>: 200 when the database answers and its schema is current (and the process did not lose its trading lease), else 503.</summary>
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
        Migrator migrator, DatabaseOptions database, TradingOwnership ownership, CancellationToken ct)
    {
        var trading = ownership.IsLost ? "lost" : ownership.IsHeld && ownership.WhenReady.IsCompleted ? "running" : "waiting";
        try
        {
            var status = await migrator.StatusAsync(ct);
            var pending = status.Count(s => s.State == MigrationState.Pending);
            var changed = status.Where(s => s.State == MigrationState.Changed).Select(s => s.Version).ToList();
            // A process that lost its trading lease is shutting down: unhealthy, whatever the database says.
            var current = pending == 0 && changed.Count == 0;
            var healthy = current && !ownership.IsLost;
            var report = new HealthReport(healthy ? "Healthy" : "Unhealthy", database.Provider.ToString(), true, current, pending, changed, trading);
            return healthy ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (DatabaseUnavailableException)
        {
            var report = new HealthReport("Unhealthy", database.Provider.ToString(), false, false, 0, [], trading);
            return TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
