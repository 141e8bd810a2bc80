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

    // The rows one resting order commits through the API, into the real tables with all their indexes: the
    // order (partitioned, ten indexes), its client-id claim, its audit row, the account's balance snapshot and
    // the request's usage row. Accounts come from bench_accounts (the run's own), one per client.
    private const string OrderPathScript = """
        \set qty random(1, 500)
        \set cents random(1000, 99999)
        BEGIN;
        WITH a AS (SELECT user_id, account_id FROM bench_accounts WHERE n = :client_id % (SELECT count(*) FROM bench_accounts)),
             o AS (INSERT INTO orders (order_id, user_id, account_id, client_order_id, broker_order_id, symbol, side, order_type, quantity, filled_quantity,
                       limit_price, time_in_force, status, order_source, commission, submitted_at, updated_at)
                   SELECT gen_random_uuid(), user_id, account_id, 'pgbench-' || gen_random_uuid(), replace(gen_random_uuid()::text, '-', ''), 'ACME', 'BUY',
                       'LIMIT', :qty, 0, :cents / 100.0, 'GTC', 'NEW', 'API', 0, now(), now() FROM a
                   RETURNING order_id, submitted_at, account_id, client_order_id, user_id)
        INSERT INTO order_client_ids (account_id, client_order_id, order_id, order_submitted_at) SELECT account_id, client_order_id, order_id, submitted_at FROM o;
        INSERT INTO audit_log (user_id, action, resource_type, resource_id, new_values, ip_address, user_agent, endpoint)
        SELECT user_id, 'ORDER_PLACED', 'ORDER', gen_random_uuid()::text,
            '{"accountId":"0191f0c6-2222-7000-8000-000000000002","clientOrderId":"c","symbol":"ACME","side":"BUY","orderType":"LIMIT","quantity":10,"limitPrice":95,"stopPrice":null,"timeInForce":"GTC","goodTillDate":null,"status":"NEW","rejectionReason":null}'::jsonb,
            '127.0.0.1', 'bench', 'POST /api/v1/orders' FROM bench_accounts WHERE n = :client_id % (SELECT count(*) FROM bench_accounts);
        INSERT INTO account_balances (account_id, currency, cash_balance, buying_power, portfolio_value, margin_used, margin_available, recorded_at)
        SELECT account_id, 'USD', 1000000, 990000, 1000000, 0, 990000, clock_timestamp() FROM bench_accounts WHERE n = :client_id % (SELECT count(*) FROM bench_accounts)
        ON CONFLICT DO NOTHING;
        INSERT INTO api_usage (user_id, endpoint, http_method, response_time_ms, status_code, request_size_bytes, response_size_bytes, ip_address, user_agent)
        SELECT user_id, '/api/v1/orders', 'POST', 3, 201, 220, 640, '127.0.0.1', 'bench' FROM bench_accounts WHERE n = :client_id % (SELECT count(*) FROM bench_accounts);
        COMMIT;
        """;

    /// <summary>
    /// Transactions per second pgbench reaches in <paramref name="seconds"/> with <paramref name="clients"/> clients,
    /// one order-shaped row per transaction (the issue's baseline).
    /// </summary>
    public static async Task<double> RunAsync(string connectionString, int clients, int seconds)
    {
        await ExecuteAsync(connectionString,
            "DROP TABLE IF EXISTS bench_orders; CREATE TABLE bench_orders (LIKE orders INCLUDING DEFAULTS, PRIMARY KEY (order_id, submitted_at))");
        return await RunScriptAsync(connectionString, clients, seconds, Script);
    }

    /// <summary>
    /// Transactions per second of the order path's own rows (see <see cref="OrderPathScript"/>): the database's
    /// limit for the work one order really does, on <paramref name="accounts"/> (as many as the HTTP run used).
    /// </summary>
    public static async Task<double> RunOrderPathAsync(string connectionString, int clients, int seconds, IReadOnlyList<Guid> accounts)
    {
        await ExecuteAsync(connectionString,
            "DROP TABLE IF EXISTS bench_accounts; CREATE TABLE bench_accounts AS SELECT (row_number() OVER (ORDER BY account_id) - 1)::int AS n, user_id, account_id " +
            $"FROM user_broker_accounts WHERE account_id IN ({string.Join(", ", accounts.Select(a => $"'{a}'"))})");
        return await RunScriptAsync(connectionString, clients, seconds, OrderPathScript);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<double> RunScriptAsync(string connectionString, int clients, int seconds, string scriptText)
    {
        var script = Path.Combine(Path.GetTempPath(), $"orchestrator-pgbench-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(script, scriptText);
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
