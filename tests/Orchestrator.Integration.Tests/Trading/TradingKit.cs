using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.MarketData;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Server.Trading;

namespace Orchestrator.Integration.Tests.Trading;

/// <summary>A logged-in trader with a paper account on a running server, and a way to move the market.</summary>
public sealed record TradingKit(ApiServer Server, TestUser User, HttpClient Client, Guid AccountId)
{
    /// <summary>Also puts <see cref="TestSymbols.Traded"/> into the server's symbol universe (orders refuse symbols it does not list).</summary>
    /// <param name="permissiveRisk">
    /// Opens the user's risk profile wide (no concentration, cash or count limits, a daily loss limit out of reach, no
    /// protective stops),
    /// so the test measures the account's own limits and buying power; the risk tests turn it off.
    /// </param>
    public static async Task<TradingKit> StartAsync(
        ApiServer server, string email = "trader@example.com", decimal initialCash = 100_000m, object? limits = null, bool permissiveRisk = true)
    {
        await TestSymbols.AddAsync(server, TestSymbols.Traded);
        var user = await server.RegisterAndLoginAsync(email);
        var client = server.Client(bearer: user.AccessToken);
        var body = new Dictionary<string, object?> { ["brokerId"] = "paper", ["accountName"] = "Paper", ["initialCash"] = initialCash };
        if (limits is not null)
        {
            foreach (var property in JsonSerializer.SerializeToElement(limits).EnumerateObject())
            {
                body[property.Name] = property.Value;
            }
        }

        var response = await client.PostAsJsonAsync("/api/v1/accounts", body, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var accountId = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("accountId").GetGuid();
        if (permissiveRisk)
        {
            await OpenRiskLimitsAsync(client);
        }

        return new TradingKit(server, user, client, accountId);
    }

    private static async Task OpenRiskLimitsAsync(HttpClient client)
    {
        var ct = TestContext.Current.CancellationToken;
        var profile = (await client.GetFromJsonAsync<JsonElement>("/api/v1/risk/profiles", ct))[0].GetProperty("profileId").GetGuid();
        var opened = await client.PutAsJsonAsync($"/api/v1/risk/profiles/{profile}", new
        {
            profileName = "Default Risk Profile", maxSectorConcentration = 1, maxCorrelationExposure = 1, maxPortfolioRisk = 1, minCashPercentage = 0,
            maxLongPositions = 10_000, maxShortPositions = 10_000, trailingStopEnabled = false, defaultStopLossPercentage = 0,
        }, ct);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var loss = await client.PatchAsJsonAsync("/api/v1/me", new { maxDailyLoss = 1_000_000_000 }, ct);
        Assert.Equal(HttpStatusCode.OK, loss.StatusCode);
    }

    /// <summary>A one-minute bar through the market feed, as an importer or live feed would publish it.</summary>
    public Task BarAsync(string symbol, decimal open, decimal high, decimal low, decimal close, decimal volume, DateTimeOffset? start = null) =>
        Server.App.Services.GetRequiredService<MarketFeed>().PublishAsync(
            new Bar(symbol, start ?? DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1), open, high, low, close, volume), TestContext.Current.CancellationToken);

    public Task<HttpResponseMessage> PlaceAsync(object order) => Client.PostAsJsonAsync("/api/v1/orders", order, TestContext.Current.CancellationToken);

    public async Task<JsonElement> GetAsync(string path)
    {
        var response = await Client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    /// <summary>Polls until the order reaches the status (broker events are applied asynchronously by the account's writer).</summary>
    public async Task<JsonElement> WaitForOrderAsync(Guid orderId, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var order = await GetAsync($"/api/v1/orders/{orderId}");
            if (order.GetProperty("status").GetString() == status || DateTime.UtcNow > deadline)
            {
                Assert.Equal(status, order.GetProperty("status").GetString());
                return order;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
