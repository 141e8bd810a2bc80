using System.Diagnostics;
using System.Net;
using Orchestrator.Storage.Bulk;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.Migrations;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Benchmarks;

/// <summary>
/// How many api_usage rows per second the bulk writer stores, in batches of 2,000 (the server's batch size),
/// against the baseline of the same rows stored through EF Core (AddRange and SaveChanges per batch).
/// <c>dotnet run -c Release --project benchmarks/Orchestrator.Benchmarks -- usage-write [rows]</c>
/// </summary>
public static class UsageWriteBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var total = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        var file = Path.Combine(Path.GetTempPath(), $"orchestrator-usage-bench-{Guid.NewGuid():N}.db");
        var connections = new ConnectionFactory(new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={file}"));
        await new Migrator(connections).MigrateAsync();
        var writer = new ApiUsageBulkWriter(connections);
        var efSeconds = await TimeAsync(NewRows(total), async batch =>
        {
            await using var db = Orchestrator.Storage.Model.OrchestratorDbContext.Create(connections);
            db.ApiUsage.AddRange(batch);
            await db.SaveChangesAsync();
        });
        var bulkSeconds = await TimeAsync(NewRows(total), batch => writer.WriteAsync(batch));

        Console.WriteLine($"| Writer ({total:N0} rows, SQLite, batches of 2,000) | Rows/s | Ratio |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine($"| EF Core AddRange + SaveChanges (baseline) | {total / efSeconds:N0} | 1.00 |");
        Console.WriteLine($"| ApiUsageBulkWriter | {total / bulkSeconds:N0} | {efSeconds / bulkSeconds:N2} |");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(file);
        return 0;
    }

    private static async Task<double> TimeAsync(List<ApiUsage> rows, Func<ApiUsage[], Task> write)
    {
        var started = Stopwatch.GetTimestamp();
        foreach (var batch in rows.Chunk(2000))
        {
            await write(batch);
        }

        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static List<ApiUsage> NewRows(int total) =>
        Enumerable.Range(0, total).Select(i => new ApiUsage
        {
            Endpoint = "/api/v1/system/health",
            HttpMethod = "GET",
            StatusCode = 200,
            ResponseTimeMs = 1,
            RequestSizeBytes = 0,
            ResponseSizeBytes = 180,
            RateLimitRemaining = 999_000 - i,
            RateLimitReset = DateTime.UtcNow,
            IpAddress = IPAddress.Loopback,
            UserAgent = "bench",
            RequestedAt = DateTime.UtcNow,
        }).ToList();
}
