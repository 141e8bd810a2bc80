using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.MarketData;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Integration.Tests.Trading;
using Orchestrator.Server.Orchestration;
using Orchestrator.Server.Trading;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Integration.Tests.Strategies;

/// <summary>A trader with a paper account (<see cref="TradingKit"/>), the symbols to run on, and helpers to start, stop and watch strategies.</summary>
public sealed record StrategyRunKit(TradingKit Trading, StrategyKit Strategies)
{
    /// <summary>A Wednesday morning in New York: inside the US equity session the runner checks each bar against.</summary>
    public static readonly DateTimeOffset SessionTime = new(2026, 11, 18, 15, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ApiServer Server => Trading.Server;

    public HttpClient Client => Trading.Client;

    public StrategyRunner Runner => Server.App.Services.GetRequiredService<StrategyRunner>();

    public static async Task<StrategyRunKit> StartAsync(ApiServer server, string email = "runner@example.com")
    {
        var trading = await TradingKit.StartAsync(server, email);
        return new StrategyRunKit(trading, new StrategyKit(server, trading.User, trading.Client));
    }

    /// <summary>Puts symbols into <c>market_symbols</c> (those it lacks: the trading kit may have added some).</summary>
    public static Task AddSymbolsAsync(TestDatabase db, params string[] symbols) => TestSymbols.AddAsync(db, symbols, tickSize: 0.01m);

    /// <summary>A fast moving-average crossover strategy of this user's (inactive, as created).</summary>
    public async Task<Guid> CreateStrategyAsync(string name = "Fast crossover") =>
        (await Strategies.CreateAsync(new { template = "ma-crossover", name, parameters = new { moving_averages = new { short_period = 2, long_period = 3 } } }))
        .GetProperty("strategyId").GetGuid();

    public Task<HttpResponseMessage> StartAsync(Guid strategyId, object? body) =>
        body is null ? Client.PostAsync($"/api/v1/strategies/{strategyId}/start", null, Ct) : Client.PostAsJsonAsync($"/api/v1/strategies/{strategyId}/start", body, Ct);

    public Task<HttpResponseMessage> StopAsync(Guid strategyId) => Client.PostAsync($"/api/v1/strategies/{strategyId}/stop", null, Ct);

    /// <summary>The answer's JSON, asserting 200.</summary>
    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A one-minute bar in the session, <paramref name="minute"/> minutes after <see cref="SessionTime"/>.</summary>
    public Task BarAsync(string symbol, int minute, decimal close) =>
        Trading.BarAsync(symbol, close, close, close, close, 1_000_000m, SessionTime.AddMinutes(minute));

    /// <summary>Polls the strategy's status until <paramref name="done"/> holds (the runner takes bars on its own thread).</summary>
    public async Task<JsonElement> WaitForStatusAsync(Guid strategyId, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var status = await Strategies.GetAsync($"/api/v1/strategies/{strategyId}/status");
            if (done(status) || DateTime.UtcNow > deadline)
            {
                return status;
            }

            await Task.Delay(50, Ct);
        }
    }
}
