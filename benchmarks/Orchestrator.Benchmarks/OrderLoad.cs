using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Orchestrator.Benchmarks;

/// <summary>
/// <paramref name="clients"/> loops posting orders for a fixed time, each waiting for its answer before the next
/// (closed loop), every answer required to be 201. Latency is the client's: request sent to answer read.
/// </summary>
public static class OrderLoad
{
    /// <summary>The seeded bar's close: market orders fill here; limits rest 10 % away.</summary>
    public const int Close = 100;

    public sealed record Result(long Orders, long Fills, double OrdersPerSecond, double P50, double P99);

    public static async Task<Result> RunAsync(HttpClient http, IReadOnlyList<Guid> accounts, string prefix, int seconds, int clients)
    {
        var stopAt = Stopwatch.GetTimestamp() + (seconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var latencies = new List<double>(64 * 1024);
            long fills = 0;
            for (var i = 0; Stopwatch.GetTimestamp() < stopAt; i++)
            {
                // Round-robin over the accounts across all clients, so every writer sees concurrent orders.
                var account = accounts[((i * clients) + client) % accounts.Count];
                var market = i % 5 == 4;
                var buy = i % 2 == 0;
                var body = new
                {
                    accountId = account,
                    clientOrderId = $"{prefix}-{client}-{i}",
                    symbol = "ACME",
                    side = buy ? "BUY" : "SELL",
                    orderType = market ? "MARKET" : "LIMIT",
                    quantity = 1 + (i % 10),
                    limitPrice = market ? (decimal?)null : buy ? Close * 0.9m : Close * 1.1m,
                    timeInForce = market ? "DAY" : "GTC",
                };
                var sent = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync("/api/v1/orders", body);
                await response.Content.LoadIntoBufferAsync();
                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    throw new InvalidOperationException($"POST /api/v1/orders answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }

                fills += market ? 1 : 0;
            }

            return (latencies, fills);
        }));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = perClient.SelectMany(c => c.latencies).Order().ToArray();
        return new Result(all.Length, perClient.Sum(c => c.fills), all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
