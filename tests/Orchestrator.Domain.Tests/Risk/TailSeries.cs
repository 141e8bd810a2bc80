namespace Orchestrator.Domain.Tests.Risk;

/// <summary>
/// The 250-day P&amp;L series the historical VaR and ES tests share, built so its tails can be read off by hand.
/// </summary>
/// <remarks>
/// <para>Background: +100 on even days, −50 on odd days (t = 0 … 249). Fifteen shock days replace it:</para>
/// <code>
/// day  20    21    40    60    80    100   120   140   160   180   200   210   220   230   240
/// P&amp;L  −5000 −3000 −4500 −4000 −3500 −2800 −2600 −2400 −2200 −2000 −1800 −1600 −1400 −1200 −1000
/// </code>
/// <para>Sorted, the worst one-day P&amp;Ls are the shocks in order, −5000, −4500, −4000, −3500, −3000, −2800, −2600,
/// −2400, −2200, −2000, −1800, −1600, −1400, −1200, −1000, then the background's −50s.</para>
/// <para>Five-day windows (246 of them, start w = 0 … 245): a background window sums to 100 + 100 + 100 − 50 − 50 = 200
/// when it starts on an even day and 100 + 100 − 50 − 50 − 50 = 50 when it starts on an odd one; a shock replaces its
/// day's background. The two-day cluster (days 20, 21) makes the worst windows:</para>
/// <code>
/// w=17: −50 +100 −50 −5000 −3000 = −8000      w=19: −50 −5000 −3000 +100 −50 = −8000
/// w=18: +100 −50 −5000 −3000 +100 = −7850     w=20: −5000 −3000 +100 −50 +100 = −7850
/// w=16: +100 −50 +100 −50 −5000   = −4900
/// day 40 (−4500), w=36…40: w=37, 39: −50 −50 −50 +100 −4500 = −4550; w=36, 38, 40: +100 +100 −50 −50 −4500 = −4400
/// day 60 (−4000), w=56…60: w=57, 59: −4050;                         w=56, 58, 60: −3900
/// </code>
/// <para>so the sorted 5-day P&amp;Ls begin −8000, −8000, −7850, −7850, −4900, −4550, −4550, −4400, −4400, −4400,
/// −4050, −4050, −3900 (13th), −3900, −3900, −3550 (python3: <c>sorted(sum(p[t:t+5]) for t in range(246))</c>).</para>
/// </remarks>
internal static class TailSeries
{
    public static double[] DailyPnl()
    {
        var shocks = new Dictionary<int, double>
        {
            [20] = -5000, [21] = -3000, [40] = -4500, [60] = -4000, [80] = -3500, [100] = -2800, [120] = -2600,
            [140] = -2400, [160] = -2200, [180] = -2000, [200] = -1800, [210] = -1600, [220] = -1400, [230] = -1200,
            [240] = -1000,
        };
        var pnl = new double[250];
        for (var t = 0; t < pnl.Length; t++)
        {
            pnl[t] = shocks.TryGetValue(t, out var shock) ? shock : t % 2 == 0 ? 100 : -50;
        }
        return pnl;
    }
}
