using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Integration.Tests.Trading;
using Orchestrator.Server.Live;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Integration.Tests.Risk;

/// <summary>
/// Risk alerts on the WebSocket stream: the owner's sockets get <c>risk_alert</c> when a calculation raises one and
/// <c>risk_alert_updated</c> when it is acknowledged or cleared; another user's socket, open all along, gets none of
/// it. In process, and through Redis between two servers.
/// </summary>
public sealed class RiskAlertStreamTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Risk_alerts_reach_their_owner_s_socket_and_no_one_else_s()
    {
        await using var server = await ApiServer.StartAsync();
        await AlertsReachTheirOwnerOnlyAsync(server, aliceStream: server, bobStream: server);
    }

    [Fact]
    public async Task With_redis_risk_alerts_raised_on_one_server_reach_their_owner_on_another_and_no_one_else()
    {
        var redis = TestEnvironment.Require(TestEnvironment.RedisVariable, "Redis");
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var first = await ApiServer.StartAsync(db, ownsDatabase: false, $"--Redis:Configuration={redis}");
        await using var second = await ApiServer.StartAsync(db, ownsDatabase: false, $"--Redis:Configuration={redis}");
        Assert.IsType<RedisUserEventHub>(first.App.Services.GetRequiredService<IUserEventHub>());
        await AlertsReachTheirOwnerOnlyAsync(first, aliceStream: second, bobStream: first);
    }

    /// <summary>
    /// Alice's calculations and acknowledgement go to <paramref name="api"/>; her socket is on <paramref name="aliceStream"/>,
    /// Bob's on <paramref name="bobStream"/>. Markers published to each user after the fact prove what came before them:
    /// a user's events arrive in publication order, so a marker that is the next message means nothing else was sent.
    /// </summary>
    private static async Task AlertsReachTheirOwnerOnlyAsync(ApiServer api, ApiServer aliceStream, ApiServer bobStream)
    {
        var kit = await TradingKit.StartAsync(api, "alice@example.com", initialCash: 0m, permissiveRisk: false);
        var bob = await api.RegisterAndLoginAsync("bob@example.com");
        await using (var db = api.Db.CreateContext())
        {
            // One Technology position worth the whole book: 100% of it against the default 0.30 sector limit.
            db.MarketSymbols.Add(new MarketSymbol { Symbol = "RSK", Exchange = "SYNTH", AssetClass = "EQUITY", Currency = "USD", Sector = "Technology", IsActive = true });
            db.AccountPositions.Add(new AccountPosition
            {
                AccountId = kit.AccountId, Symbol = "RSK", Quantity = 100m, AveragePrice = 100m, CurrentPrice = 100m, PositionType = "LONG", OpenedAt = DateTime.UtcNow,
            });
            db.AccountBalances.Add(new AccountBalance { AccountId = kit.AccountId, Currency = "USD", CashBalance = 0m, PortfolioValue = 10_000m, RecordedAt = DateTime.UtcNow.AddSeconds(1) });
            await db.SaveChangesAsync(Ct);
        }

        using var alice = await StreamSocket.ConnectAsync(aliceStream, kit.User.AccessToken);
        using var bobs = await StreamSocket.ConnectAsync(bobStream, bob.AccessToken);
        var hub = api.App.Services.GetRequiredService<IUserEventHub>();
        var marker = 0;

        // A user-level calculation raises the sector alert: Alice's socket hears of it, unasked, with the alert's fields.
        Assert.Equal(HttpStatusCode.Created, (await kit.Client.PostAsJsonAsync("/api/v1/risk/calculations", new { }, Ct)).StatusCode);
        var raised = await NextAsync(alice);
        Assert.Equal(
            ["type", "alertId", "alertType", "severity", "title", "message", "currentValue", "thresholdValue", "violationPercentage", "createdAt", "acknowledged"],
            raised.EnumerateObject().Select(static p => p.Name));
        Assert.Equal(("risk_alert", "SECTOR_CONCENTRATION", "HIGH", 1m, 0.30m, 2.333333m, false),
            (raised.GetProperty("type").GetString(), raised.GetProperty("alertType").GetString(), raised.GetProperty("severity").GetString(),
             raised.GetProperty("currentValue").GetDecimal(), raised.GetProperty("thresholdValue").GetDecimal(),
             raised.GetProperty("violationPercentage").GetDecimal(), raised.GetProperty("acknowledged").GetBoolean()));
        Assert.Equal("Sector Technology over its concentration limit", raised.GetProperty("title").GetString());
        var stored = Assert.Single((await kit.GetAsync("/api/v1/risk/alerts")).EnumerateArray());
        var alertId = stored.GetProperty("alertId").GetGuid();
        Assert.Equal(alertId, raised.GetProperty("alertId").GetGuid());
        Assert.Equal(TimeSpan.Zero, raised.GetProperty("createdAt").GetDateTimeOffset().Offset);
        Assert.Equal(DateTime.SpecifyKind(stored.GetProperty("createdAt").GetDateTime(), DateTimeKind.Utc), raised.GetProperty("createdAt").GetDateTimeOffset().UtcDateTime);

        // That was all Alice got, and Bob got nothing: the markers are the next message on each socket.
        await AssertNextIsMarkerAsync(hub, kit.User.UserId, alice, ++marker);
        await AssertNextIsMarkerAsync(hub, bob.UserId, bobs, ++marker);

        // Acknowledged: the committed change comes back as risk_alert_updated.
        Assert.Equal(HttpStatusCode.OK, (await kit.Client.PostAsync($"/api/v1/risk/alerts/{alertId}/acknowledge", null, Ct)).StatusCode);
        var acknowledged = await NextAsync(alice);
        Assert.Equal(("risk_alert_updated", alertId, true), (acknowledged.GetProperty("type").GetString(), acknowledged.GetProperty("alertId").GetGuid(),
            acknowledged.GetProperty("acknowledged").GetBoolean()));
        Assert.True(acknowledged.TryGetProperty("acknowledgedAt", out _));
        Assert.False(acknowledged.TryGetProperty("resolvedAt", out _));

        // The position closes; the next calculation clears the alert, and says so.
        await using (var db = api.Db.CreateContext())
        {
            var position = await db.AccountPositions.SingleAsync(p => p.AccountId == kit.AccountId, Ct);
            position.ClosedAt = DateTime.UtcNow;
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(HttpStatusCode.Created, (await kit.Client.PostAsJsonAsync("/api/v1/risk/calculations", new { }, Ct)).StatusCode);
        var cleared = await NextAsync(alice);
        Assert.Equal(("risk_alert_updated", alertId, "condition cleared"), (cleared.GetProperty("type").GetString(), cleared.GetProperty("alertId").GetGuid(),
            cleared.GetProperty("resolutionAction").GetString()));
        Assert.True(cleared.TryGetProperty("resolvedAt", out _));

        // Still nothing more for Alice, and nothing ever for Bob.
        await AssertNextIsMarkerAsync(hub, kit.User.UserId, alice, ++marker);
        await AssertNextIsMarkerAsync(hub, bob.UserId, bobs, ++marker);
    }

    private static async Task AssertNextIsMarkerAsync(IUserEventHub hub, Guid userId, ClientWebSocket socket, int marker)
    {
        await hub.PublishAsync(userId, UserEvent.Of("marker", new { marker }), Ct);
        Assert.Equal($$"""{"type":"marker","marker":{{marker}}}""", await StreamSocket.ReceiveAsync(socket));
    }

    private static async Task<JsonElement> NextAsync(ClientWebSocket socket) => JsonSerializer.Deserialize<JsonElement>(await StreamSocket.ReceiveAsync(socket));
}
