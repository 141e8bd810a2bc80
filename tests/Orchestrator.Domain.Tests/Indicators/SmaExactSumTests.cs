using Orchestrator.Domain.Indicators;

namespace Orchestrator.Domain.Tests.Indicators;

/// <summary>
/// The Sma keeps small non-negative sums in integer units (see <see cref="Sma"/>): its Sum and Value must equal,
/// bit for bit (digits, scale and sign), those of the plain decimal running sum, for any series.
/// </summary>
public sealed class SmaExactSumTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(20)]
    public void Prices_of_mixed_scales_give_the_decimal_sum_bit_for_bit(int period)
    {
        var random = new Random(20261127 + period);
        for (var series = 0; series < 200; series++)
        {
            var values = Enumerable.Range(0, 60).Select(_ => Price(random)).ToArray();
            AssertSameAsDecimal(period, values);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Zeros_of_any_scale_give_the_decimal_sum_bit_for_bit(int period)
    {
        // Windows of zeros make zero sums, which decimal signs by its own rules (1.10 + −1.1 is −0.00).
        decimal[] choices = [0m, 0.0m, 0.00m, 1.1m, 1.10m, 2m];
        var random = new Random(20261128 + period);
        for (var series = 0; series < 300; series++)
        {
            AssertSameAsDecimal(period, [.. Enumerable.Range(0, 12).Select(_ => choices[random.Next(choices.Length)])]);
        }
    }

    [Fact]
    public void Negative_and_huge_values_fall_back_to_decimal_with_the_same_results()
    {
        // A negative value, a 20-digit value and a 28-decimal value each leave the integer path mid-series.
        AssertSameAsDecimal(3, [1.5m, 2.25m, -0.75m, 4m, 5.125m, 6m]);
        AssertSameAsDecimal(3, [1.5m, 2.25m, 12345678901234567890m, 4m, 5.125m, 6m]);
        AssertSameAsDecimal(3, [1.5m, 2.25m, 0.1234567890123456789012345678m, 4m, 5.125m, 6m]);
        AssertSameAsDecimal(2, [0m, 0.00m, 1.10m, 1.1m, 0m, 0m, 0m]);
        // The 0 ends up 20 scales coarser than the sum's units before -1 moves it all to decimal.
        AssertSameAsDecimal(3, [0.0000000001m, 0m, 0.00000000000000000001m, -1m, 2m, 3m]);
    }

    [Fact]
    public void Reset_after_a_fallback_starts_exact_again()
    {
        var sma = new Sma(2);
        Feed.Values(sma, 1m, -1m, 3m);
        sma.Reset();
        Feed.Values(sma, 1.10m, 2m);
        // (1.10 + 2) / 2 = 1.55, and the sum keeps the scale of 1.10.
        Assert.Equal("3.10", sma.Sum.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1.55m, sma.Value);
    }

    /// <summary>Cents or tenths or whole, as prices come; now and then more decimals.</summary>
    private static decimal Price(Random random)
    {
        var scale = random.Next(6) switch
        {
            0 => 0,
            1 => 1,
            5 => 4,
            _ => 2,
        };
        return new decimal(random.Next(0, 5_000_000), 0, 0, false, (byte)scale);
    }

    private static void AssertSameAsDecimal(int period, decimal[] values)
    {
        var sma = new Sma(period);
        var window = new Queue<decimal>();
        var sum = 0m;
        foreach (var value in values)
        {
            // The plain running sum: add the new value less the one leaving the window (0 while it fills).
            var dropped = window.Count == period ? window.Dequeue() : 0m;
            window.Enqueue(value);
            sum += value - dropped;
            sma.Update(value);

            Assert.Equal(decimal.GetBits(sum), decimal.GetBits(sma.Sum));
            Assert.Equal(window.Count == period, sma.IsReady);
            if (sma.IsReady)
            {
                Assert.Equal(decimal.GetBits(sum / period), decimal.GetBits(sma.Value));
            }
        }
    }
}
