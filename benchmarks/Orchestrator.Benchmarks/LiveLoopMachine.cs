using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Orchestrator.Benchmarks;

/// <summary>
/// Where the measured window's resources went: CPU seconds of this process (server, runner and replay), of the
/// PostgreSQL processes and of the whole machine (from <c>/proc</c>; Linux only, zero elsewhere), and the rows
/// PostgreSQL wrote per table (<c>pg_stat_user_tables</c>) with its commits (<c>pg_stat_database</c>). The statistics
/// views lag by up to a second, so a reading waits that long first.
/// </summary>
public sealed record LiveLoopMachine(double ProcessCpu, double PostgresCpu, double MachineBusy, long Commits, IReadOnlyDictionary<string, (long Inserted, long Updated)> Tables)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static async Task<LiveLoopMachine> ReadAsync(string database, bool windowEnded)
    {
        var cpu = windowEnded ? Cpu() : default;
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        long commits;
        await using (var command = new NpgsqlCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()", connection))
        {
            commits = (long)(await command.ExecuteScalarAsync())!;
        }

        var tables = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT relname, n_tup_ins, n_tup_upd FROM pg_stat_user_tables", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2));
            }
        }

        if (!windowEnded)
        {
            cpu = Cpu();
        }

        return new LiveLoopMachine(cpu.Process, cpu.Postgres, cpu.Machine, commits, tables);
    }

    private static (double Process, double Postgres, double Machine) Cpu() =>
        (Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, ReadPostgresCpu(), ReadMachineBusy());

    /// <summary>Prints what happened between two readings, per measured minute and per signal.</summary>
    public static void Print(LiveLoopMachine before, LiveLoopMachine after, double seconds, int minutes, long signals)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        Console.WriteLine();
        Console.WriteLine($"Resources over the measured {seconds:N1} s (machine: {Environment.ProcessorCount} cores = {Environment.ProcessorCount * seconds:N1} core-seconds):");
        Console.WriteLine($"- CPU: this process {after.ProcessCpu - before.ProcessCpu:N1} s, PostgreSQL processes {after.PostgresCpu - before.PostgresCpu:N1} s, "
            + $"whole machine busy {after.MachineBusy - before.MachineBusy:N1} s (the rest is other work on the machine)");
        var commits = after.Commits - before.Commits;
        Console.WriteLine($"- PostgreSQL: {commits:N0} commits ({commits / (double)minutes:N0} a minute, {commits / Math.Max(1.0, signals):N2} per signal); rows written by table:");
        var rows = after.Tables.Select(t =>
        {
            var was = before.Tables.GetValueOrDefault(t.Key);
            return (Table: t.Key, Inserted: t.Value.Inserted - was.Inserted, Updated: t.Value.Updated - was.Updated);
        }).Where(t => t.Inserted + t.Updated > 0).OrderByDescending(t => t.Inserted + t.Updated).Take(10);
        foreach (var (table, inserted, updated) in rows)
        {
            Console.WriteLine($"  - {table}: {inserted:N0} inserted, {updated:N0} updated ({(inserted + updated) / Math.Max(1.0, signals):N2} per signal, {(inserted + updated) / (double)minutes:N0} a minute)");
        }
    }

    /// <summary>CPU seconds the PostgreSQL processes have used so far (utime + stime from /proc; 0 where there is none).</summary>
    public static double ReadPostgresCpu()
    {
        var ticks = 0L;
        foreach (var dir in SafeDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var close = stat.LastIndexOf(')');
                if (!stat.AsSpan(stat.IndexOf('(') + 1).StartsWith("postgres"))
                {
                    continue;
                }

                var fields = stat[(close + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture); // utime, stime
            }
            catch (IOException)
            {
                // the process ended while being read
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return ticks / TicksPerSecond;
    }

    private static double ReadMachineBusy()
    {
        if (!File.Exists("/proc/stat"))
        {
            return 0;
        }

        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..].Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal ...
        return (cpu[0] + cpu[1] + cpu[2] + cpu[5] + cpu[6] + cpu[7]) / TicksPerSecond;
    }

    private static IEnumerable<string> SafeDirectories(string path) =>
        Directory.Exists(path) ? Directory.EnumerateDirectories(path).Where(d => char.IsDigit(Path.GetFileName(d)[0])) : [];
}
