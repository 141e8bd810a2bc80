using System.Numerics;
using System.Runtime.InteropServices;

namespace Orchestrator.Domain.Risk.Metrics.Numerics;

/// <summary>
/// Dot products and updates a <see cref="Vector{T}"/> at a time: the inner loops of the covariance, the Cholesky
/// factor and the simulation. The sum's grouping follows the vector width, so results can differ in the last bits
/// between machines with different widths (never between runs on one machine).
/// </summary>
internal static class VectorOps
{
    /// <summary>Σ x[i] × y[i] over the shorter length, with two accumulators to hide the add latency.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var n = Math.Min(x.Length, y.Length);
        var vx = MemoryMarshal.Cast<double, Vector<double>>(x[..n]);
        var vy = MemoryMarshal.Cast<double, Vector<double>>(y[..n]);
        var acc0 = Vector<double>.Zero;
        var acc1 = Vector<double>.Zero;
        var k = 0;
        for (; k + 1 < vx.Length; k += 2)
        {
            acc0 = Vector.FusedMultiplyAdd(vx[k], vy[k], acc0);
            acc1 = Vector.FusedMultiplyAdd(vx[k + 1], vy[k + 1], acc1);
        }
        if (k < vx.Length)
        {
            acc0 = Vector.FusedMultiplyAdd(vx[k], vy[k], acc0);
        }
        var sum = Vector.Sum(acc0 + acc1);
        for (var i = vx.Length * Vector<double>.Count; i < n; i++)
        {
            sum += x[i] * y[i];
        }
        return sum;
    }

    /// <summary>y[i] += a × x[i].</summary>
    public static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
        var vy = MemoryMarshal.Cast<double, Vector<double>>(y[..x.Length]);
        var va = new Vector<double>(a);
        for (var k = 0; k < vx.Length; k++)
        {
            vy[k] = Vector.FusedMultiplyAdd(va, vx[k], vy[k]);
        }
        for (var i = vx.Length * Vector<double>.Count; i < x.Length; i++)
        {
            y[i] += a * x[i];
        }
    }
}
