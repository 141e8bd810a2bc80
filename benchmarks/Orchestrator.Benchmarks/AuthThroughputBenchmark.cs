using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Usage;
using Orchestrator.Storage.Migrations;

namespace Orchestrator.Benchmarks;

/// <summary>
/// End-to-end load run: requests per second of an authenticated <c>GET /api/v1/system/health</c> with an
/// API key against the same server's unauthenticated <c>GET /health</c>, measured in one run, in alternating
/// rounds so drift in the machine's load hits both alike. Both run the same handler (read the migration
/// ledger, answer the same JSON), so the ratio is the cost of the full API middleware alone: key lookup,
/// permission checks, hourly quota, rate-limit headers and the api_usage row.
///
/// <c>dotnet run -c Release --project benchmarks/Orchestrator.Benchmarks -- auth-throughput [seconds-per-round] [concurrency]</c>
/// </summary>
public static class AuthThroughputBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
        var concurrency = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 16;
        // The embedded SQLite default, or PostgreSQL when ORCHESTRATOR_BENCH_POSTGRES names an empty database.
        var file = Path.Combine(Path.GetTempPath(), $"orchestrator-auth-bench-{Guid.NewGuid():N}.db");
        var postgres = Environment.GetEnvironmentVariable("ORCHESTRATOR_BENCH_POSTGRES");
        string[] database = postgres is { Length: > 0 }
            ? ["--Database:Provider=Postgres", $"--ConnectionStrings:Orchestrator={postgres}"]
            : [$"--ConnectionStrings:Orchestrator=Data Source={file}"];
        Console.WriteLine($"Store: {(postgres is { Length: > 0 } ? "PostgreSQL" : "SQLite")}");
        var app = OrchestratorServer.Build(["--urls=http://127.0.0.1:0", .. database, "--Logging:LogLevel:Default=Warning"]);
        await app.Services.GetRequiredService<Migrator>().MigrateAsync();
        await app.StartAsync();
        try
        {
            var baseAddress = new Uri(app.Urls.First());
            var key = await CreateKeyAsync(baseAddress);
            using var bare = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = baseAddress };
            using var authed = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = baseAddress };
            authed.DefaultRequestHeaders.Add("X-API-Key", key);

            if (args.Length > 2 && args[2] is "profile-authed" or "profile-bare")
            {
                // For a profiler: one path only, for a long while.
                var (client, path) = args[2] == "profile-authed" ? (authed, "/api/v1/system/health") : (bare, "/health");
                Console.WriteLine($"{path} only: {await MeasureAsync(client, path, seconds, concurrency):N0} requests/s");
                return 0;
            }

            var usage = app.Services.GetRequiredService<ApiUsageQueue>();
            await MeasureAsync(bare, "/health", 2, concurrency);
            await MeasureAsync(authed, "/api/v1/system/health", 2, concurrency, usage);
            double bareTotal = 0, authedTotal = 0;
            const int rounds = 5;
            for (var round = 0; round < rounds; round++)
            {
                bareTotal += await MeasureAsync(bare, "/health", seconds, concurrency);
                authedTotal += await MeasureAsync(authed, "/api/v1/system/health", seconds, concurrency, usage);
            }

            var bareRate = bareTotal / rounds;
            var authedRate = authedTotal / rounds;
            Console.WriteLine($"| Path | Requests/s (mean of {rounds} rounds of {seconds} s, {concurrency} concurrent) | Ratio |");
            Console.WriteLine("|---|---:|---:|");
            Console.WriteLine($"| GET /health (baseline) | {bareRate:N0} | 1.00 |");
            Console.WriteLine($"| GET /api/v1/system/health with X-API-Key | {authedRate:N0} | {authedRate / bareRate:N2} |");
            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    /// <summary>
    /// Requests per second of <paramref name="concurrency"/> loops hitting <paramref name="path"/>; every answer
    /// must be 200. With <paramref name="usage"/>, the clock runs until the round's api_usage rows are stored,
    /// so the authenticated path pays for all its usage rows and none spill into the next round.
    /// </summary>
    private static async Task<double> MeasureAsync(HttpClient client, string path, int seconds, int concurrency, ApiUsageQueue? usage = null)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        var counts = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            long count = 0;
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                using var response = await client.GetAsync(path);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}");
                }

                count++;
            }

            return count;
        }));
        while (usage is { Pending: > 0 })
        {
            await Task.Delay(5);
        }

        return counts.Sum() / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static async Task<string> CreateKeyAsync(Uri baseAddress)
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        const string password = "benchmark password 1";
        (await client.PostAsJsonAsync("/api/v1/auth/register", new { email = "bench@example.com", password, firstName = "Bench", lastName = "Mark" })).EnsureSuccessStatusCode();
        var login = await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "bench@example.com", password })).Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", login.GetProperty("accessToken").GetString());
        var key = await (await client.PostAsJsonAsync("/api/v1/api-keys", new { name = "bench", rateLimitPerHour = 1_000_000 })).Content.ReadFromJsonAsync<JsonElement>();
        return key.GetProperty("key").GetString()!;
    }
}
