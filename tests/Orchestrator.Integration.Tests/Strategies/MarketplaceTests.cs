using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Storage.Configuration;

namespace Orchestrator.Integration.Tests.Strategies;

/// <summary>The marketplace: public strategies of every user, nothing of their owners, copies owned by the caller.</summary>
public sealed class MarketplaceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_marketplace_hides_the_owner_and_a_copy_belongs_to_the_caller(DatabaseProvider provider)
    {
        await using var server = await ApiServer.StartAsync(provider);
        var owner = await StrategyKit.StartAsync(server, "alpha.owner@example.com");
        var shopper = await StrategyKit.StartAsync(server, "shopper@example.com");
        var published = (await owner.CreateAsync(new
        {
            template = "buy-and-hold",
            name = "Quarter in",
            parameters = new { allocation = 0.25m },
            riskSettings = new { take_profit_percentage = 0.04m },
            tradingSchedule = new { time_zone = "Asia/Tokyo", days = new[] { "MON" }, start = "09:00", end = "15:00" },
            backtestConfig = new { initial_capital = 12345 },
            isPublic = true,
        })).GetProperty("strategyId").GetGuid();
        await owner.CreateAsync(new { template = "buy-and-hold", name = "Private one" });

        var response = await shopper.Client.GetAsync("/api/v1/strategies/public", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Nothing of the owner's: no user id, no email, none of the settings the marketplace does not show.
        Assert.DoesNotContain(owner.User.UserId.ToString(), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alpha.owner", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Asia/Tokyo", text, StringComparison.Ordinal);
        Assert.DoesNotContain("12345", text, StringComparison.Ordinal);
        var listed = Assert.Single(JsonDocument.Parse(text).RootElement.EnumerateArray());
        Assert.Equal(
            ["category", "name", "parameters", "performance", "riskSettings", "strategyId", "strategyType", "template"],
            listed.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(published, listed.GetProperty("strategyId").GetGuid());
        Assert.Equal("Quarter in", listed.GetProperty("name").GetString());
        Assert.Equal("buy-and-hold", listed.GetProperty("template").GetString());
        Assert.Equal(0.25m, listed.GetProperty("parameters").GetProperty("allocation").GetDecimal());
        Assert.Equal(0.04m, listed.GetProperty("riskSettings").GetProperty("take_profit_percentage").GetDecimal());
        Assert.Equal(0, listed.GetProperty("performance").GetProperty("totalTrades").GetInt32());
        Assert.Empty((await shopper.GetAsync("/api/v1/strategies/public?template=no-such")).EnumerateArray());

        var copied = await shopper.Client.PostAsJsonAsync($"/api/v1/strategies/public/{published}/copy", new { name = "My quarter" }, Ct);
        Assert.Equal(HttpStatusCode.Created, copied.StatusCode);
        var copy = await copied.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var copyId = copy.GetProperty("strategyId").GetGuid();
        Assert.NotEqual(published, copyId);
        Assert.Equal($"/api/v1/strategies/{copyId}", copied.Headers.Location?.ToString());
        Assert.False(copy.GetProperty("isPublic").GetBoolean());
        Assert.False(copy.GetProperty("isActive").GetBoolean());
        Assert.Equal(0.25m, copy.GetProperty("parameters").GetProperty("allocation").GetDecimal());
        Assert.Equal(0.04m, copy.GetProperty("riskSettings").GetProperty("take_profit_percentage").GetDecimal());
        Assert.Equal(JsonValueKind.Null, copy.GetProperty("tradingSchedule").ValueKind);
        Assert.Equal(100000m, copy.GetProperty("backtestConfig").GetProperty("initial_capital").GetDecimal());
        await shopper.AssertConsistentAsync(copyId);
        var (row, _, _) = await shopper.RowsAsync(copyId);
        Assert.Equal(shopper.User.UserId, row!.UserId);
        Assert.Equal(["My quarter"], (await shopper.GetAsync("/api/v1/strategies")).EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToArray());

        // Without a name the copy keeps the original's; a second such copy clashes with the first.
        var unnamed = await shopper.Client.PostAsJsonAsync($"/api/v1/strategies/public/{published}/copy", new { }, Ct);
        Assert.Equal(HttpStatusCode.Created, unnamed.StatusCode);
        Assert.Equal("Quarter in", (await unnamed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("name").GetString());
        await Problems.AssertProblemAsync(await shopper.Client.PostAsJsonAsync($"/api/v1/strategies/public/{published}/copy", new { }, Ct), HttpStatusCode.Conflict, "conflict");

        await using var db = server.Db.CreateContext();
        var audit = await db.AuditLog.AsNoTracking().SingleAsync(a => a.Action == "STRATEGY_COPIED" && a.ResourceId == copyId.ToString(), Ct);
        Assert.Equal(shopper.User.UserId, audit.UserId);
        Assert.Contains(published.ToString(), audit.Metadata, StringComparison.Ordinal);
        // The original is untouched and still the owner's.
        Assert.Equal(owner.User.UserId, (await owner.RowsAsync(published)).Strategy!.UserId);
    }
}
