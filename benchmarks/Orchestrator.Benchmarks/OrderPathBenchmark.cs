using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orchestrator.Server.Hosting;
using Orchestrator.Storage.Migrations;

namespace Orchestrator.Benchmarks;

/// <summary>
/// End-to-end load run of the full order path on PostgreSQL: <c>POST /api/v1/orders</c> with an API key
/// (authentication, quota, validation, the account's writer with its checks, the paper broker, the group
/// commit of order, claim, audit row, fills, positions and balance) against pgbench inserting one
/// order-shaped row per transaction, in the same run. Orders go round-robin over the accounts: mostly limit
/// orders away from the market that rest, one in five a market order that fills at once.
///
/// <c>ORCHESTRATOR_BENCH_POSTGRES=... dotnet run -c Release --project benchmarks/Orchestrator.Benchmarks -- order-path [seconds] [clients] [accounts] [warm-up seconds]</c>
/// (the connection string names a server and a role that may create databases; the run uses a fresh one).
/// </summary>
public static class OrderPathBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
        var clients = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 32;
        var accountCount = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 16;
        // Tiered compilation keeps promoting methods for about half a minute under this load: measure steady state.
        var warmup = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 30;
        var admin = Environment.GetEnvironmentVariable("ORCHESTRATOR_BENCH_POSTGRES");
        if (string.IsNullOrEmpty(admin))
        {
            Console.Error.WriteLine("order-path needs ORCHESTRATOR_BENCH_POSTGRES (a PostgreSQL connection string; scripts/services.sh prints one).");
            return 2;
        }

        var name = $"orchestrator_bench_{Guid.NewGuid():N}";
        await BenchDatabases.ExecuteAsync(admin, $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'");
        var database = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        try
        {
            var app = OrchestratorServer.Build(["--urls=http://127.0.0.1:0", "--Database:Provider=Postgres", $"--ConnectionStrings:Orchestrator={database}", "--Logging:LogLevel:Default=Warning"]);
            await app.Services.GetRequiredService<Migrator>().MigrateAsync();
            // ACME in the symbol universe (orders refuse symbols it does not list), loaded at start with the directory.
            await BenchDatabases.ExecuteAsync(database, "INSERT INTO market_symbols (symbol, exchange, asset_class, currency, is_active) VALUES ('ACME', 'BENCH', 'EQUITY', 'USD', true)");
            // The last bar is loaded at start: market orders fill at its close, and its volume never runs out.
            await BenchDatabases.ExecuteAsync(database, $"INSERT INTO market_data_1m (symbol, timestamp, open_price, high_price, low_price, close_price, volume) VALUES ('ACME', date_trunc('minute', now()) - interval '1 minute', {OrderLoad.Close}, {OrderLoad.Close}, {OrderLoad.Close}, {OrderLoad.Close}, 1000000000000)");
            await app.StartAsync();
            OrderLoad.Result result;
            List<Guid> accounts;
            var cpu = (Postgres: 0.0, Process: 0.0);
            try
            {
                var baseAddress = new Uri(app.Urls.First());
                using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = baseAddress };
                http.DefaultRequestHeaders.Add("X-API-Key", await CreateTradingKeyAsync(baseAddress));
                accounts = await CreateAccountsAsync(http, accountCount);
                // A young process runs much of this path as tier-0 code with the JIT busy re-compiling: warm it first.
                await OrderLoad.RunAsync(http, accounts, "warm", warmup, clients);
                var cpuBefore = (Postgres: LiveLoopMachine.ReadPostgresCpu(), Process: Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds);
                result = await OrderLoad.RunAsync(http, accounts, "run", seconds, clients);
                cpu = (LiveLoopMachine.ReadPostgresCpu() - cpuBefore.Postgres, Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - cpuBefore.Process);
            }
            finally
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }

            var tps = await PgbenchBaseline.RunAsync(database, clients, seconds);
            var ratio = result.OrdersPerSecond / tps;
            var pathTps = await PgbenchBaseline.RunOrderPathAsync(database, clients, seconds, accounts);
            Console.WriteLine($"| Path ({seconds} s, {clients} concurrent clients, {accountCount} accounts, PostgreSQL) | Orders/s | p50 | p99 | Ratio |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            Console.WriteLine($"| pgbench: one order-shaped INSERT per transaction (baseline) | {tps:N0} | | | 1.00 |");
            Console.WriteLine($"| pgbench: the rows one order commits (order, claim, audit, balance, usage), one order per transaction | {pathTps:N0} | | | |");
            Console.WriteLine($"| POST /api/v1/orders with X-API-Key ({result.Orders:N0} orders, {result.Fills:N0} market fills) | {result.OrdersPerSecond:N0} | {result.P50:N1} ms | {result.P99:N1} ms | {ratio:N2} |");
            Console.WriteLine($"Ratio to the order path's own rows: {result.OrdersPerSecond / pathTps:N2} (the same writes as the API, without the server).");
            Console.WriteLine($"CPU per order over the run: PostgreSQL {cpu.Postgres * 1000 / Math.Max(1, result.Orders):N2} ms, this process (server and load generator) {cpu.Process * 1000 / Math.Max(1, result.Orders):N2} ms.");
            Console.WriteLine($"Targets: ratio >= 0.50 ({(ratio >= 0.5 ? "met" : "missed")}), p99 < 20 ms ({(result.P99 < 20 ? "met" : "missed")}).");
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await BenchDatabases.DropAsync(admin, name);
        }
    }


    private static async Task<string> CreateTradingKeyAsync(Uri baseAddress)
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        const string password = "benchmark password 1";
        (await client.PostAsJsonAsync("/api/v1/auth/register", new { email = "orders@example.com", password, firstName = "Bench", lastName = "Mark" })).EnsureSuccessStatusCode();
        var login = await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "orders@example.com", password })).Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", login.GetProperty("accessToken").GetString());
        // The daily loss limit is the user's, over all 16 accounts: their commissions alone pass the default 1,000.
        (await client.PatchAsJsonAsync("/api/v1/me", new { maxDailyLoss = 1_000_000_000 })).EnsureSuccessStatusCode();
        var response = await client.PostAsJsonAsync("/api/v1/api-keys", new { name = "orders", canRead = true, canWrite = true, canTrade = true, rateLimitPerHour = 1_000_000 });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    private static async Task<List<Guid>> CreateAccountsAsync(HttpClient http, int count)
    {
        var accounts = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var response = await http.PostAsJsonAsync("/api/v1/accounts", new { brokerId = "paper", accountName = $"Bench {i}", initialCash = 1_000_000_000m });
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"creating an account answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            accounts.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accountId").GetGuid());
        }

        return accounts;
    }
}
