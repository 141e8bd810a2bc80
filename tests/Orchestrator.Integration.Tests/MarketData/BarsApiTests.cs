using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.MarketData;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Integration.Tests.Trading;
using Orchestrator.Storage.MarketData;

namespace Orchestrator.Integration.Tests.MarketData;

public sealed class BarsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bars_come_back_in_time_order_and_aggregated_with_a_volume_weighted_vwap()
    {
        await using var server = await ApiServer.StartAsync();
        var kit = await TradingKit.StartAsync(server);
        var t0 = new DateTimeOffset(2026, 7, 1, 13, 30, 0, TimeSpan.Zero);
        var store = server.App.Services.GetRequiredService<IBarStore>();
        await store.WriteAsync(Bars(
            new StoredBar(new Bar("ACME", t0, TimeSpan.FromMinutes(1), 10m, 11m, 9m, 10.5m, 100m), Vwap: 10m),
            new StoredBar(new Bar("ACME", t0.AddMinutes(1), TimeSpan.FromMinutes(1), 10.5m, 12m, 10m, 11m, 300m), Vwap: 11m),
            new StoredBar(new Bar("ACME", t0.AddMinutes(5), TimeSpan.FromMinutes(1), 11m, 11m, 11m, 11m, 50m), Vwap: 11m)), null, Ct);

        var minutes = (await kit.GetAsync("/api/v1/bars/acme?from=2026-07-01T13:30:00Z&to=2026-07-01T14:00:00Z")).EnumerateArray().ToList();
        Assert.Equal(3, minutes.Count);
        Assert.Equal(t0.AddMinutes(1), minutes[1].GetProperty("time").GetDateTimeOffset());

        // 13:30-13:35: open 10 (first), high 12, low 9, close 11 (last), volume 100 + 300 = 400,
        // VWAP (10 x 100 + 11 x 300) / 400 = (1,000 + 3,300) / 400 = 10.75. 13:35-13:40 is the third bar alone.
        var fives = (await kit.GetAsync("/api/v1/bars/ACME?from=2026-07-01T13:30:00Z&to=2026-07-01T14:00:00Z&interval=5m")).EnumerateArray().ToList();
        Assert.Equal(2, fives.Count);
        Assert.Equal((10m, 12m, 9m, 11m, 400m, 10.75m), (fives[0].GetProperty("open").GetDecimal(), fives[0].GetProperty("high").GetDecimal(),
            fives[0].GetProperty("low").GetDecimal(), fives[0].GetProperty("close").GetDecimal(), fives[0].GetProperty("volume").GetDecimal(), fives[0].GetProperty("vwap").GetDecimal()));
        Assert.Equal(t0.AddMinutes(5), fives[1].GetProperty("time").GetDateTimeOffset());

        var bad = await kit.Client.GetAsync("/api/v1/bars/ACME?from=2026-07-01T00:00:00Z&to=2026-09-01T00:00:00Z&interval=2m", Ct);
        var problem = await Problems.AssertProblemAsync(bad, HttpStatusCode.UnprocessableEntity, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("interval", out _));
        var tooLong = await kit.Client.GetAsync("/api/v1/bars/ACME?from=2026-07-01T00:00:00Z&to=2026-09-01T00:00:00Z", Ct);
        Assert.Equal("to: a 1-minute range may span at most 31 days; use a larger interval.",
            (await Problems.AssertProblemAsync(tooLong, HttpStatusCode.UnprocessableEntity, "validation")).GetProperty("detail").GetString());
    }

    private static async IAsyncEnumerable<StoredBar> Bars(params StoredBar[] bars)
    {
        foreach (var bar in bars)
        {
            yield return bar;
        }

        await Task.CompletedTask;
    }
}
