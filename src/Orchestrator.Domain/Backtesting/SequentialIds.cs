using System.Buffers.Binary;

namespace Orchestrator.Domain.Backtesting;

/// <summary>
/// Ids for a backtest's orders, signals and positions: a counter in a version-8 UUID, so the same backtest run
/// twice names everything the same (byte-identical results), unlike random or time-based ids.
/// </summary>
public sealed class SequentialIds(ulong prefix = 0x4254_0000_0000_0000) // "BT"
{
    private ulong _next;

    public Guid Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, prefix);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], ++_next);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8 (custom)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }
}
