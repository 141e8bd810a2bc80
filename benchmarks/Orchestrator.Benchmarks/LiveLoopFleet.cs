using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Orchestrator.Server.Orchestration;

namespace Orchestrator.Benchmarks;

/// <summary>
/// Builds the live-loop run's traders on a started server: users (one per 10 accounts) with a permissive risk profile,
/// paper accounts, and the crossover strategies created through <c>POST /api/v1/strategies</c> (so their three rows
/// are exactly what the API writes), then made active on their account and symbols in the database (the columns of
/// migration 009 have no API yet; the runner tests set them the same way) and started in the server's runner.
/// </summary>
public static class LiveLoopFleet
{
    private const decimal AccountCash = 1_000_000m;
    private const string Password = "benchmark password 1";

    /// <returns>The strategy id of each of <see cref="LiveLoopPlan.Strategies"/>, in order.</returns>
    public static async Task<Guid[]> CreateAsync(IServiceProvider services, Uri baseAddress, string database, LiveLoopPlan plan)
    {
        var userCount = Math.Max(1, plan.Accounts / 10);
        var users = new HttpClient[userCount];
        for (var u = 0; u < userCount; u++)
        {
            users[u] = await RegisterAsync(baseAddress, $"live{u}@example.com");
        }

        try
        {
            var accounts = new Guid[plan.Accounts];
            var ownerOf = (int account) => account * userCount / plan.Accounts;
            for (var a = 0; a < plan.Accounts; a++)
            {
                accounts[a] = await PostAsync(users[ownerOf(a)], "/api/v1/accounts", new { brokerId = "paper", accountName = $"Live {a}", initialCash = AccountCash }, "accountId");
            }

            var ids = new Guid[plan.Strategies.Count];
            await Parallel.ForEachAsync(plan.Strategies, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (s, _) =>
                ids[s.Index] = await PostAsync(users[ownerOf(s.Account)], "/api/v1/strategies",
                    new { template = "ma-crossover", name = $"Live {s.Index} SMA {s.ShortPeriod}/{s.LongPeriod}", parameters = s.Parameters }, "strategyId"));
            await ActivateAsync(database, ids, [.. plan.Strategies.Select(s => accounts[s.Account])], [.. plan.Strategies.Select(s => JsonSerializer.Serialize(s.Symbols))]);

            var runner = services.GetRequiredService<StrategyRunner>();
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (id, ct) =>
            {
                if (await runner.StartAsync(id, ct) is { } problem)
                {
                    throw new InvalidOperationException($"strategy {id} does not run: {problem}");
                }
            });
            return ids;
        }
        finally
        {
            foreach (var user in users)
            {
                user.Dispose();
            }
        }
    }

    /// <summary>A logged-in user whose risk profile lets the strategies trade freely (as the runner tests' TradingKit opens it).</summary>
    private static async Task<HttpClient> RegisterAsync(Uri baseAddress, string email)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        (await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Password, firstName = "Live", lastName = "Loop" })).EnsureSuccessStatusCode();
        var login = await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password })).Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", login.GetProperty("accessToken").GetString());
        var profile = (await client.GetFromJsonAsync<JsonElement>("/api/v1/risk/profiles"))[0].GetProperty("profileId").GetGuid();
        (await client.PutAsJsonAsync($"/api/v1/risk/profiles/{profile}", new
        {
            profileName = "Default Risk Profile", maxSectorConcentration = 1, maxCorrelationExposure = 1, maxPortfolioRisk = 1, minCashPercentage = 0,
            maxLongPositions = 10_000, maxShortPositions = 10_000, trailingStopEnabled = false, defaultStopLossPercentage = 0,
        })).EnsureSuccessStatusCode();
        (await client.PatchAsJsonAsync("/api/v1/me", new { maxDailyLoss = 1_000_000_000 })).EnsureSuccessStatusCode();
        return client;
    }

    private static async Task<Guid> PostAsync(HttpClient client, string path, object body, string idProperty)
    {
        var response = await client.PostAsJsonAsync(path, body);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty(idProperty).GetGuid();
    }

    /// <summary>Active on all three strategy rows (as <c>PATCH {"isActive": true}</c> writes them), with the account and symbols, in one transaction.</summary>
    private static async Task ActivateAsync(string database, Guid[] ids, Guid[] accounts, string[] symbols)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(
            """
            UPDATE user_strategies u SET is_active = true, account_id = v.account, symbols = v.symbols::jsonb, updated_at = now()
              FROM unnest(@ids, @accounts, @symbols) AS v(id, account, symbols) WHERE u.user_strategy_id = v.id;
            UPDATE strategies SET is_active = true, updated_at = now() WHERE strategy_id = ANY(@ids);
            UPDATE strategy_configs SET is_active = true, document = jsonb_set(document, '{is_active}', 'true'), updated_at = now() WHERE strategy_id = ANY(@ids);
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ids });
        command.Parameters.Add(new NpgsqlParameter("accounts", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = accounts });
        command.Parameters.Add(new NpgsqlParameter("symbols", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = symbols });
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
