using Npgsql;

namespace Orchestrator.Benchmarks;

/// <summary>
/// What the strategies wrote, counted in the database: signals (and how many EXECUTED), orders from signals (client
/// id <c>sig-…</c>), <c>strategy_executions</c> rows (one per fill), and the signal-to-fill latencies those rows carry
/// (wall time from the runner taking the signal to the fill's commit, whole milliseconds).
/// </summary>
public sealed record LiveLoopCounts(long Signals, long Executed, long Orders, long Executions, LiveLoopCounts.Latencies Latency)
{
    public readonly record struct Latencies(long Count, double P50, double P99, double Mean, double Max);

    /// <summary>The counts now; latencies of the executions committed since <paramref name="from"/> (none when null).</summary>
    public static async Task<LiveLoopCounts> ReadAsync(string database, DateTime? from)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT (SELECT count(*) FROM trading_signals),
                   (SELECT count(*) FROM trading_signals WHERE status = 'EXECUTED'),
                   (SELECT count(*) FROM orders WHERE client_order_id LIKE 'sig-%'),
                   (SELECT count(*) FROM strategy_executions),
                   count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms), percentile_cont(0.99) WITHIN GROUP (ORDER BY latency_ms),
                   avg(latency_ms)::float8, max(latency_ms)
              FROM strategy_executions WHERE created_at >= @from
            """, connection);
        command.Parameters.AddWithValue("from", from ?? DateTime.MaxValue);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        double Or0(int i) => reader.IsDBNull(i) ? 0 : Convert.ToDouble(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
        return new LiveLoopCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
            new Latencies(reader.GetInt64(4), Or0(5), Or0(6), Or0(7), Or0(8)));
    }

    /// <summary>What happened between two readings (the latencies are the later reading's).</summary>
    public static LiveLoopCounts operator -(LiveLoopCounts after, LiveLoopCounts before)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(before);
        return new LiveLoopCounts(after.Signals - before.Signals, after.Executed - before.Executed, after.Orders - before.Orders,
            after.Executions - before.Executions, after.Latency);
    }
}
