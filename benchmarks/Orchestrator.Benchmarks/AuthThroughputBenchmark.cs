using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestrator.Server.Hosting;
using Orchestrator.Storage.Migrations;

namespace Orchestrator.Benchmarks;

/// <summary>
/// End-to-end load run: requests per second of an authenticated <c>GET /api/v1/system/info</c> with an API
/// key against the same server's unauthenticated <c>GET /health</c>, measured in one run, in alternating
/// rounds so drift in the machine's load hits both alike. Both handlers do the same work (read the migration
/// ledger), so the ratio is the cost of the full API middleware alone: key lookup, permission checks, hourly
/// quota, rate-limit headers and the api_usage row.
///
/// <c>dotnet run -c Release --project benchmarks/Orchestrator.Benchmarks -- auth-throughput [seconds-per-round] [concurrency]</c>
/// </summary>
public static class AuthThroughputBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
        var concurrency = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 16;
        var file = Path.Combine(Path.GetTempPath(), $"orchestrator-auth-bench-{Guid.NewGuid():N}.db");
        var app = OrchestratorServer.Build(["--urls=http://127.0.0.1:0", $"--ConnectionStrings:Orchestrator=Data Source={file}", "--Logging:LogLevel:Default=Warning"]);
        await app.Services.GetRequiredService<Migrator>().MigrateAsync();
        await app.StartAsync();
        try
        {
            var baseAddress = new Uri(app.Urls.First());
            var key = await CreateKeyAsync(baseAddress);
            using var bare = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = baseAddress };
            using var authed = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = baseAddress };
            authed.DefaultRequestHeaders.Add("X-API-Key", key);

            if (args.Length > 2 && args[2] == "profile-authed")
            {
                // For a profiler: only the authenticated path, for a long while.
                Console.WriteLine($"authed only: {await MeasureAsync(authed, "/api/v1/system/info", seconds, concurrency):N0} requests/s");
                return 0;
            }

            await MeasureAsync(bare, "/health", 2, concurrency);
            await MeasureAsync(authed, "/api/v1/system/info", 2, concurrency);
            double bareTotal = 0, authedTotal = 0;
            const int rounds = 3;
            for (var round = 0; round < rounds; round++)
            {
                bareTotal += await MeasureAsync(bare, "/health", seconds, concurrency);
                authedTotal += await MeasureAsync(authed, "/api/v1/system/info", seconds, concurrency);
            }

            var bareRate = bareTotal / rounds;
            var authedRate = authedTotal / rounds;
            Console.WriteLine($"| Path | Requests/s (mean of {rounds} rounds of {seconds} s, {concurrency} concurrent) | Ratio |");
            Console.WriteLine("|---|---:|---:|");
            Console.WriteLine($"| GET /health (baseline) | {bareRate:N0} | 1.00 |");
            Console.WriteLine($"| GET /api/v1/system/info with X-API-Key | {authedRate:N0} | {authedRate / bareRate:N2} |");
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

    /// <summary>Requests per second of <paramref name="concurrency"/> loops hitting <paramref name="path"/>; every answer must be 200.</summary>
    private static async Task<double> MeasureAsync(HttpClient client, string path, int seconds, int concurrency)
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
