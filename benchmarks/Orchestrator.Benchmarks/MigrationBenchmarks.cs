using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.Migrations;

namespace Orchestrator.Benchmarks;

/// <summary>
/// What the migrator's bookkeeping costs: migrating a fresh SQLite file through <see cref="Migrator"/>
/// (ledger table, checksums, one BEGIN IMMEDIATE transaction per migration, ledger rows) against the
/// baseline of executing the same SQL files directly in one transaction with no ledger at all.
/// </summary>
[MemoryDiagnoser]
public class MigrationBenchmarks
{
    private readonly IReadOnlyList<Migration> _migrations = MigrationCatalog.For(DatabaseProvider.Sqlite);
    private string _file = "";

    [IterationSetup]
    public void NewFile() => _file = Path.Combine(Path.GetTempPath(), $"orchestrator-bench-{Guid.NewGuid():N}.db");

    [IterationCleanup]
    public void DeleteFile()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Benchmark(Baseline = true, Description = "raw SQL, one transaction, no ledger")]
    public async Task RawScripts()
    {
        await using var connection = new SqliteConnection($"Data Source={_file}");
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var migration in _migrations.Where(m => SqlScriptSplitter.HasCode(m.Sql)))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = migration.Sql;
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    [Benchmark(Description = "Migrator.MigrateAsync (ledger, per-migration transactions)")]
    public async Task Migrator() =>
        await new Migrator(new ConnectionFactory(new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={_file}"))).MigrateAsync();
}
