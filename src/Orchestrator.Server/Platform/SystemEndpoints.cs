using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Server.Hosting;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.Migrations;

namespace Orchestrator.Server.Platform;

public static class SystemEndpoints
{
    public sealed record MigrationInfo(string Version, string Description, string State, DateTime? AppliedAt);

    public sealed record SystemInfo(string Product, string Version, string DatabaseProvider, IReadOnlyList<MigrationInfo> Migrations);

    /// <summary><c>GET /api/v1/system/info</c>: the build and the schema it runs on.</summary>
    public static IEndpointRouteBuilder MapSystemApiV1(this IEndpointRouteBuilder app)
    {
        // Authenticated: which migrations a server runs is of use to an attacker, not to the public.
        var group = app.MapGroup(ServerDefaults.ApiPrefix + "/system").WithTags("System").RequireAuthorization(Auth.ApiAccessRequirement.PolicyName);
        group.MapGet("/info", GetInfoAsync).WithName("GetSystemInfo").WithSummary("Build version and schema migrations");
        return app;
    }

    private static async Task<Ok<SystemInfo>> GetInfoAsync(Migrator migrator, DatabaseOptions database, CancellationToken ct)
    {
        var status = await migrator.StatusAsync(ct);
        var version = typeof(SystemEndpoints).Assembly.GetName().Version?.ToString() ?? "0.0.0";
        return TypedResults.Ok(new SystemInfo(
            "Day Trading Orchestrator",
            version,
            database.Provider.ToString(),
            status.Select(s => new MigrationInfo(s.Version, s.Description, s.State.ToString().ToLowerInvariant(), s.AppliedAt)).ToList()));
    }
}
