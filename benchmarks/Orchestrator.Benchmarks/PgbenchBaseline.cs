using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Orchestrator.Benchmarks;

/// <summary>
/// The database's own limit for the order path's kind of write: pgbench committing one row per transaction into
/// <c>bench_orders</c>, an unpartitioned copy of <c>orders</c> (same columns, types and defaults, same primary
/// key), with the same number of clients as the HTTP run. No server, no EF Core, no JSON: just the commits.
/// </summary>
public static partial class PgbenchBaseline
{
    public const string PgbenchPath = "/usr/lib/postgresql/15/bin/pgbench";

    // One order as the API stores a resting limit: the same columns filled, with widths like the real ones.
    private const string Script = """
        \set qty random(1, 500)
        \set cents random(1000, 99999)
        INSERT INTO bench_orders (order_id, user_id, account_id, client_order_id, broker_order_id, symbol, side, order_type, quantity, filled_quantity,
            limit_price, time_in_force, status, order_source, commission, submitted_at, updated_at)
        VALUES (gen_random_uuid(), '0191f0c6-1111-7000-8000-000000000001', '0191f0c6-2222-7000-8000-000000000002', 'pgbench-' || gen_random_uuid(),
            replace(gen_random_uuid()::text, '-', ''), 'ACME', 'BUY', 'LIMIT', :qty, 0, :cents / 100.0, 'GTC', 'NEW', 'API', 0, now(), now());
        """;

    /// <summary>Transactions per second pgbench reaches in <paramref name="seconds"/> with <paramref name="clients"/> clients.</summary>
    public static async Task<double> RunAsync(string connectionString, int clients, int seconds)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand(
                "DROP TABLE IF EXISTS bench_orders; CREATE TABLE bench_orders (LIKE orders INCLUDING DEFAULTS, PRIMARY KEY (order_id, submitted_at))", connection);
            await create.ExecuteNonQueryAsync();
        }

        var script = Path.Combine(Path.GetTempPath(), $"orchestrator-pgbench-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(script, Script);
        try
        {
            var target = new NpgsqlConnectionStringBuilder(connectionString);
            var info = new ProcessStartInfo(PgbenchPath)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
                     {
                         "-n", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", seconds.ToString(CultureInfo.InvariantCulture),
                         "-f", script, "-h", target.Host!, "-p", target.Port.ToString(CultureInfo.InvariantCulture), "-U", target.Username!, target.Database!,
                     })
            {
                info.ArgumentList.Add(argument);
            }

            info.Environment["PGPASSWORD"] = target.Password;
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var output = await stdout;
            if (process.ExitCode != 0 || Tps().Match(output) is not { Success: true } match)
            {
                throw new InvalidOperationException($"pgbench exited with {process.ExitCode}:{Environment.NewLine}{output}{await stderr}");
            }

            return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(script);
        }
    }

    // "tps = 2345.678901 (without initial connection time)"
    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();
}
