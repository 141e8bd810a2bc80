using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Storage.Configuration;

namespace Orchestrator.Integration.Tests.Risk;

/// <summary>Risk profiles (one active per user, a default at registration) and the kill switch over the API.</summary>
public sealed class RiskProfilesApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_new_user_has_the_seed_default_profile_and_can_switch_to_another(DatabaseProvider provider)
    {
        await using var server = await ApiServer.StartAsync(provider);
        var user = await server.RegisterAndLoginAsync("risky@example.com");
        var client = server.Client(bearer: user.AccessToken);

        // Registered without a daily loss limit: the table's defaults, no position-size or daily-loss cap in the profile.
        var profile = Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/v1/risk/profiles", Ct)).EnumerateArray());
        Assert.Equal(("Default Risk Profile", true, JsonValueKind.Null, JsonValueKind.Null, 0.02m, 0.30m, 20, 10, 0.05m, true, 0.01m),
            (profile.GetProperty("profileName").GetString(), profile.GetProperty("isActive").GetBoolean(), profile.GetProperty("maxDailyLoss").ValueKind,
             profile.GetProperty("maxPositionSize").ValueKind, profile.GetProperty("maxPortfolioRisk").GetDecimal(),
             profile.GetProperty("maxSectorConcentration").GetDecimal(), profile.GetProperty("maxLongPositions").GetInt32(),
             profile.GetProperty("maxShortPositions").GetInt32(), profile.GetProperty("minCashPercentage").GetDecimal(),
             profile.GetProperty("trailingStopEnabled").GetBoolean(), profile.GetProperty("trailingStopPercentage").GetDecimal()));
        var defaultId = profile.GetProperty("profileId").GetGuid();

        // Registered with one: as the seed's data migration, max_position_size = 10% of it, portfolio risk by tolerance.
        using (var anonymous = server.Client())
        {
            var registered = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new
            {
                email = "bold@example.com", password = "correct horse battery staple", firstName = "B", lastName = "C",
                riskTolerance = "AGGRESSIVE", maxDailyLoss = 5_000,
            }, Ct);
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
            var boldId = (await registered.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("userId").GetGuid();
            await using var db = server.Db.CreateContext();
            var bold = await db.RiskProfiles.AsNoTracking().SingleAsync(p => p.UserId == boldId, Ct);
            Assert.Equal((5_000m, 500m, 0.05m, true), (bold.MaxDailyLoss!.Value, bold.MaxPositionSize!.Value, bold.MaxPortfolioRisk!.Value, bold.IsActive));
        }

        var created = await client.PostAsJsonAsync("/api/v1/risk/profiles", new { profileName = "Swing", maxPositionSize = 25_000, maxSectorConcentration = 0.4 }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var swing = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.False(swing.GetProperty("isActive").GetBoolean());
        Assert.Equal((25_000m, 0.4m, 0.50m), (swing.GetProperty("maxPositionSize").GetDecimal(), swing.GetProperty("maxSectorConcentration").GetDecimal(),
            swing.GetProperty("maxCorrelationExposure").GetDecimal()));
        var swingId = swing.GetProperty("profileId").GetGuid();

        var activated = await client.PostAsync($"/api/v1/risk/profiles/{swingId}/activate", null, Ct);
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        await using (var db = server.Db.CreateContext())
        {
            var rows = await db.RiskProfiles.AsNoTracking().Where(p => p.UserId == user.UserId).ToListAsync(Ct);
            Assert.Equal([swingId], rows.Where(p => p.IsActive).Select(p => p.ProfileId));
            Assert.Equal(1, await db.AuditLog.AsNoTracking().CountAsync(a => a.Action == "RISK_PROFILE_ACTIVATED" && a.UserId == user.UserId, Ct));
        }

        // The active profile cannot be deleted; the other one can.
        await Problems.AssertProblemAsync(await client.DeleteAsync($"/api/v1/risk/profiles/{swingId}", Ct), HttpStatusCode.Conflict, "conflict");
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/v1/risk/profiles/{defaultId}", Ct)).StatusCode);
        Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/v1/risk/profiles", Ct)).EnumerateArray());
    }

    [Fact]
    public async Task Bad_limits_name_the_field_and_others_profiles_are_not_found()
    {
        await using var server = await ApiServer.StartAsync();
        var owner = server.Client(bearer: (await server.RegisterAndLoginAsync("owner@example.com")).AccessToken);
        var other = server.Client(bearer: (await server.RegisterAndLoginAsync("other@example.com")).AccessToken);

        var bad = await Problems.AssertProblemAsync(
            await owner.PostAsJsonAsync("/api/v1/risk/profiles", new { profileName = "X", maxSectorConcentration = 1.5, maxPositionSize = -1, maxLongPositions = -3 }, Ct),
            HttpStatusCode.UnprocessableEntity, "validation");
        var fields = bad.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ToList();
        Assert.Equal(["maxLongPositions", "maxPositionSize", "maxSectorConcentration"], fields);

        var duplicate = await owner.PostAsJsonAsync("/api/v1/risk/profiles", new { profileName = "Default Risk Profile" }, Ct);
        await Problems.AssertProblemAsync(duplicate, HttpStatusCode.Conflict, "conflict");

        var mine = (await owner.GetFromJsonAsync<JsonElement>("/api/v1/risk/profiles", Ct))[0].GetProperty("profileId").GetGuid();
        await Problems.AssertProblemAsync(await other.GetAsync($"/api/v1/risk/profiles/{mine}", Ct), HttpStatusCode.NotFound, "not-found");
        await Problems.AssertProblemAsync(await other.PostAsync($"/api/v1/risk/profiles/{mine}/activate", null, Ct), HttpStatusCode.NotFound, "not-found");
        await Problems.AssertProblemAsync(
            await other.PutAsJsonAsync($"/api/v1/risk/profiles/{mine}", new { profileName = "Mine now" }, Ct), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task The_kill_switch_is_set_by_hand_with_a_reason_and_audited()
    {
        await using var server = await ApiServer.StartAsync();
        var user = await server.RegisterAndLoginAsync("switch@example.com");
        var client = server.Client(bearer: user.AccessToken);
        Assert.Equal("ACTIVE", (await client.GetFromJsonAsync<JsonElement>("/api/v1/risk/state", Ct)).GetProperty("state").GetString());

        var set = await client.PutAsJsonAsync("/api/v1/risk/state", new { state = "halted", reason = "stepping away" }, Ct);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var state = await client.GetFromJsonAsync<JsonElement>("/api/v1/risk/state", Ct);
        Assert.Equal(("HALTED", "stepping away"), (state.GetProperty("state").GetString(), state.GetProperty("reason").GetString()));

        var bad = await Problems.AssertProblemAsync(await client.PutAsJsonAsync("/api/v1/risk/state", new { state = "PAUSED" }, Ct), HttpStatusCode.UnprocessableEntity, "validation");
        Assert.True(bad.GetProperty("errors").TryGetProperty("state", out _));
        await using var db = server.Db.CreateContext();
        var audit = await db.AuditLog.AsNoTracking().SingleAsync(a => a.Action == "TRADING_STATE_SET" && a.UserId == user.UserId, Ct);
        Assert.Contains("HALTED", audit.NewValues, StringComparison.Ordinal);
        Assert.Contains("ACTIVE", audit.OldValues, StringComparison.Ordinal);
    }
}
