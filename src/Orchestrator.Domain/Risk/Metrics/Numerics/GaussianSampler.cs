using System.Numerics;
using System.Runtime.InteropServices;

namespace Orchestrator.Domain.Risk.Metrics.Numerics;

/// <summary>
/// Independent standard normals by the Box–Muller transform (Box &amp; Muller, 1958): from uniforms u₁ ∈ (0, 1] and
/// u₂ ∈ [0, 1), R = √(−2 ln u₁), θ = 2π u₂, both R cos θ and R sin θ are N(0, 1) and independent. The logarithm, root
/// and sine/cosine run a <see cref="Vector{T}"/> at a time (.NET's vectorized <c>Vector.Log</c> and <c>SinCos</c>);
/// the uniforms are drawn in a fixed order first, so which uniforms make which normal does not depend on the width.
/// </summary>
internal sealed class GaussianSampler
{
    private readonly double[] _u1;
    private readonly double[] _u2;

    /// <summary>A sampler that makes <paramref name="pairs"/> pairs of normals per <see cref="Fill"/>.</summary>
    public GaussianSampler(int pairs)
    {
        _u1 = new double[pairs];
        _u2 = new double[pairs];
    }

    /// <summary>Normals per fill: 2 × pairs.</summary>
    public int Count => 2 * _u1.Length;

    /// <summary>Fills <paramref name="normals"/> (length <see cref="Count"/>): the cosine halves first, then the sine halves.</summary>
    public void Fill(ref Xoshiro256StarStar random, Span<double> normals)
    {
        var pairs = _u1.Length;
        for (var k = 0; k < pairs; k++)
        {
            _u1[k] = random.NextDoubleNonZero();
            _u2[k] = random.NextDouble();
        }

        var cosines = normals[..pairs];
        var sines = normals.Slice(pairs, pairs);
        var v1 = MemoryMarshal.Cast<double, Vector<double>>(_u1.AsSpan());
        var v2 = MemoryMarshal.Cast<double, Vector<double>>(_u2.AsSpan());
        var vc = MemoryMarshal.Cast<double, Vector<double>>(cosines);
        var vs = MemoryMarshal.Cast<double, Vector<double>>(sines);
        var minusTwo = new Vector<double>(-2.0);
        var twoPi = new Vector<double>(2 * Math.PI);
        for (var k = 0; k < v1.Length; k++)
        {
            var radius = Vector.SquareRoot(minusTwo * Vector.Log(v1[k]));
            var (sin, cos) = Vector.SinCos(twoPi * v2[k]);
            vc[k] = radius * cos;
            vs[k] = radius * sin;
        }
        for (var k = v1.Length * Vector<double>.Count; k < pairs; k++)
        {
            var radius = Math.Sqrt(-2.0 * Math.Log(_u1[k]));
            var (sin, cos) = Math.SinCos(2 * Math.PI * _u2[k]);
            cosines[k] = radius * cos;
            sines[k] = radius * sin;
        }
    }
}
