using System.Data.Common;
using Orchestrator.Storage.Configuration;

namespace Orchestrator.Storage.Migrations;

/// <summary>
/// Brings a database to the newest schema and reports where it stands. Migrations apply in version order,
/// each in its own transaction together with its ledger row (except those marked
/// <c>-- migrate:no-transaction</c>, which run statement by statement). Concurrent migrators serialise:
/// on PostgreSQL through a session advisory lock, on SQLite through <c>BEGIN IMMEDIATE</c>; each re-reads
/// the ledger once it holds the lock, so no migration is applied twice.
/// </summary>
public sealed class Migrator(ConnectionFactory connections, IReadOnlyList<Migration>? migrations = null)
{
    // Any constant works; this one is "orchestrator" in ASCII, so it is recognisable in pg_locks.
    private const long AdvisoryLockKey = 0x6f72636865737472;

    private readonly IReadOnlyList<Migration> _migrations = migrations ?? MigrationCatalog.For(connections.Provider);
    private readonly MigrationLedger _ledger = new(connections.Provider);

    public IReadOnlyList<Migration> Migrations => _migrations;

    /// <summary>Every migration file and every ledger row, with its state. Writes nothing.</summary>
    public async Task<IReadOnlyList<MigrationStatusEntry>> StatusAsync(CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var applied = await _ledger.ExistsAsync(connection, ct)
            ? await _ledger.ReadAsync(connection, ct)
            : [];
        return Compare(applied);
    }

    /// <summary>
    /// Applies every pending migration. Throws <see cref="MigrationChecksumMismatchException"/>, having applied
    /// nothing, when an applied migration's file has changed. Returns the versions it applied.
    /// </summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(IProgress<Migration>? progress = null, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return connections.Provider == DatabaseProvider.Postgres
            ? await MigratePostgresAsync(connection, progress, ct)
            : await MigrateSqliteAsync(connection, progress, ct);
    }

    private async Task<IReadOnlyList<string>> MigratePostgresAsync(DbConnection connection, IProgress<Migration>? progress, CancellationToken ct)
    {
        await AcquireAdvisoryLockAsync(connection, ct);
        try
        {
            await _ledger.EnsureExistsAsync(connection, ct);
            var pending = PendingAfterVerifying(await _ledger.ReadAsync(connection, ct));
            foreach (var migration in pending)
            {
                progress?.Report(migration);
                try
                {
                    await ApplyPostgresAsync(connection, migration, ct);
                }
                catch (DbException ex)
                {
                    throw new MigrationFailedException(migration.Version, ex);
                }
            }

            return pending.Select(m => m.Version).ToList();
        }
        finally
        {
            await MigrationLedger.ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    /// <summary>
    /// Polls pg_try_advisory_lock rather than blocking in pg_advisory_lock: a session blocked in that call sits
    /// inside a transaction, and CREATE INDEX CONCURRENTLY in the lock holder waits for every open transaction
    /// to end, which PostgreSQL then reports as a deadlock. Between polls a waiter holds no transaction.
    /// </summary>
    private static async Task AcquireAdvisoryLockAsync(DbConnection connection, CancellationToken ct)
    {
        while (true)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT pg_try_advisory_lock({AdvisoryLockKey})";
            if (await command.ExecuteScalarAsync(ct) is true)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        }
    }

    private async Task ApplyPostgresAsync(DbConnection connection, Migration migration, CancellationToken ct)
    {
        if (migration.RunsInTransaction)
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await MigrationLedger.ExecuteAsync(connection, migration.Sql, ct);
            await _ledger.RecordAsync(connection, migration, AppliedBy, ct);
            await transaction.CommitAsync(ct);
            return;
        }

        foreach (var statement in SqlScriptSplitter.Split(migration.Sql))
        {
            await MigrationLedger.ExecuteAsync(connection, statement, ct);
        }

        await _ledger.RecordAsync(connection, migration, AppliedBy, ct);
    }

    private async Task<IReadOnlyList<string>> MigrateSqliteAsync(DbConnection connection, IProgress<Migration>? progress, CancellationToken ct)
    {
        await MigrationLedger.ExecuteAsync(connection, "BEGIN IMMEDIATE", ct);
        List<Migration> pending;
        try
        {
            await _ledger.EnsureExistsAsync(connection, ct);
            pending = PendingAfterVerifying(await _ledger.ReadAsync(connection, ct));
            await MigrationLedger.ExecuteAsync(connection, "COMMIT", ct);
        }
        catch
        {
            await MigrationLedger.ExecuteAsync(connection, "ROLLBACK", CancellationToken.None);
            throw;
        }

        var applied = new List<string>();
        foreach (var migration in pending)
        {
            // BEGIN IMMEDIATE takes the write lock; another migrator may have applied this one meanwhile.
            await MigrationLedger.ExecuteAsync(connection, "BEGIN IMMEDIATE", ct);
            try
            {
                if ((await _ledger.ReadAsync(connection, ct)).ContainsKey(migration.Version))
                {
                    await MigrationLedger.ExecuteAsync(connection, "COMMIT", ct);
                    continue;
                }

                progress?.Report(migration);
                if (SqlScriptSplitter.HasCode(migration.Sql))
                {
                    await MigrationLedger.ExecuteAsync(connection, migration.Sql, ct);
                }

                await _ledger.RecordAsync(connection, migration, AppliedBy, ct);
                await MigrationLedger.ExecuteAsync(connection, "COMMIT", ct);
                applied.Add(migration.Version);
            }
            catch (DbException ex)
            {
                await MigrationLedger.ExecuteAsync(connection, "ROLLBACK", CancellationToken.None);
                throw new MigrationFailedException(migration.Version, ex);
            }
        }

        return applied;
    }

    private List<Migration> PendingAfterVerifying(Dictionary<string, MigrationLedger.Row> applied)
    {
        var status = Compare(applied);
        var changed = status.Where(s => s.State == MigrationState.Changed).Select(s => s.Version).ToList();
        if (changed.Count > 0)
        {
            throw new MigrationChecksumMismatchException(changed);
        }

        return _migrations.Where(m => !applied.ContainsKey(m.Version)).ToList();
    }

    private List<MigrationStatusEntry> Compare(Dictionary<string, MigrationLedger.Row> applied)
    {
        var entries = new List<MigrationStatusEntry>();
        foreach (var migration in _migrations)
        {
            if (!applied.TryGetValue(migration.Version, out var row))
            {
                entries.Add(new(migration.Version, migration.Description, MigrationState.Pending, null, null, migration.Checksum, null));
                continue;
            }

            var state = string.Equals(row.Checksum, migration.Checksum, StringComparison.OrdinalIgnoreCase)
                ? MigrationState.Applied
                : MigrationState.Changed;
            entries.Add(new(migration.Version, migration.Description, state, row.AppliedAt, row.AppliedBy, migration.Checksum, row.Checksum));
        }

        var known = _migrations.Select(m => m.Version).ToHashSet(StringComparer.Ordinal);
        foreach (var row in applied.Values.Where(r => !known.Contains(r.Version)))
        {
            entries.Add(new(row.Version, "(no such migration in this build)", MigrationState.Missing, row.AppliedAt, row.AppliedBy, null, row.Checksum));
        }

        return entries.OrderBy(e => e.Version, StringComparer.Ordinal).ToList();
    }

    private static string AppliedBy
    {
        get
        {
            var who = $"{Environment.UserName}@{Environment.MachineName} orchestrator {typeof(Migrator).Assembly.GetName().Version}";
            return who.Length <= 100 ? who : who[..100];
        }
    }
}
