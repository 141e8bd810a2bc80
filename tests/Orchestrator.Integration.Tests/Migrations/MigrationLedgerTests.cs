using Orchestrator.Integration.Tests.Support;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.Migrations;

namespace Orchestrator.Integration.Tests.Migrations;

/// <summary>The schema_migrations ledger and the exit codes of <c>db migrate</c> and <c>db status</c>.</summary>
public sealed class MigrationLedgerTests
{
    private const string LastSeedMigration = "20241202_normalize_risk_settings";
    private const string EditedMigration = "20241130_003_data_retention";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_records_one_row_per_migration_with_its_sha256(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var result = await CliRunner.RunAsync(["db", "migrate", .. db.Switches]);

        Assert.Equal(0, result.ExitCode);
        var migrations = MigrationCatalog.For(provider);
        Assert.Contains(migrations, m => m.Version == "20241201_add_strategy_performance_indexes");
        Assert.Contains(migrations, m => m.Version == LastSeedMigration);
        var ledger = await db.QueryAsync(
            "SELECT version, checksum, description, applied_by FROM schema_migrations ORDER BY version",
            r => (Version: r.GetString(0), Checksum: r.GetString(1), Description: r.GetString(2), AppliedBy: r.GetString(3)));
        Assert.Equal(migrations.Select(m => m.Version), ledger.Select(l => l.Version));
        Assert.Equal(migrations.Select(m => m.Checksum), ledger.Select(l => l.Checksum));
        Assert.All(ledger, l => Assert.Matches("^[0-9a-f]{64}$", l.Checksum));
        Assert.Equal("Normalize user risk settings into risk_profiles table", ledger.Single(l => l.Version == LastSeedMigration).Description);
        Assert.All(ledger, l => Assert.Contains("orchestrator", l.AppliedBy, StringComparison.Ordinal));
    }

    [Fact]
    public void The_checksum_is_the_sha256_of_the_file_text()
    {
        // SHA-256 of the three bytes "abc" (FIPS 180-2, appendix B.1).
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Migration.ComputeChecksum("abc"));
        // Line endings are normalised first, so a CRLF checkout does not look edited.
        Assert.Equal(Migration.ComputeChecksum("a\nb\n"), Migration.ComputeChecksum("a\r\nb\r\n"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_second_migrate_applies_nothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        Assert.Equal(0, (await CliRunner.RunAsync(["db", "migrate", .. db.Switches])).ExitCode);
        var before = await LedgerAsync(db);

        var second = await CliRunner.RunAsync(["db", "migrate", .. db.Switches]);

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Database is up to date; nothing to apply.", second.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Applying", second.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(before, await LedgerAsync(db));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_edited_migration_makes_migrate_exit_3_and_apply_nothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        // Simulate both an edited file and a pending migration: the ledger's checksum for one migration no
        // longer matches its file, and the newest migration is un-recorded (and its risk profiles removed).
        await db.ExecuteAsync($"UPDATE schema_migrations SET checksum = '{new string('0', 64)}' WHERE version = '{EditedMigration}'");
        await db.ExecuteAsync($"DELETE FROM schema_migrations WHERE version = '{LastSeedMigration}'");
        var before = await LedgerAsync(db);

        var result = await CliRunner.RunAsync(["db", "migrate", .. db.Switches]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains(EditedMigration, result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.Trim().Split('\n'));
        Assert.DoesNotContain("Applying", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(before, await LedgerAsync(db));

        var status = await CliRunner.RunAsync(["db", "status", .. db.Switches]);
        Assert.Equal(3, status.ExitCode);
        Assert.Matches($@"{EditedMigration}\s.*changed", status.StandardOutput);
        Assert.Matches($@"{LastSeedMigration}\s.*pending", status.StandardOutput);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Status_lists_every_migration_with_its_state(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var fresh = await CliRunner.RunAsync(["db", "status", .. db.Switches]);
        Assert.Equal(0, fresh.ExitCode);
        var versions = MigrationCatalog.For(provider).Select(m => m.Version).ToList();
        Assert.All(versions, v => Assert.Matches($@"{v}\s.*pending", fresh.StandardOutput));

        await db.MigrateAsync();
        var migrated = await CliRunner.RunAsync(["db", "status", .. db.Switches]);
        Assert.Equal(0, migrated.ExitCode);
        Assert.All(versions, v => Assert.Matches($@"{v}\s.*applied\s.*\d{{4}}-\d{{2}}-\d{{2}} \d{{2}}:\d{{2}}:\d{{2}}", migrated.StandardOutput));
    }

    [Fact]
    public async Task Bad_configuration_exits_2_with_a_one_line_reason_naming_the_setting()
    {
        var result = await CliRunner.RunAsync("db", "migrate", "--Database:Provider=Oracle");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("orchestrator: Database:Provider must be 'Sqlite' or 'Postgres', not 'Oracle'.", result.StandardError.Trim());

        var missing = await CliRunner.RunAsync("db", "status", "--Database:Provider=Postgres", "--ConnectionStrings:Orchestrator=");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("ConnectionStrings:Orchestrator is required", missing.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_exits_2_with_a_one_line_reason()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        var result = await CliRunner.RunAsync("db", "migrate", "--Database:Provider=Postgres", "--ConnectionStrings:Orchestrator=Host=127.0.0.1;Port=1;Username=x;Password=y;Database=z;Timeout=3");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("orchestrator: cannot open the Postgres database:", result.StandardError.Trim(), StringComparison.Ordinal);
        Assert.Single(result.StandardError.Trim().Split('\n'));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_migrators_apply_each_migration_exactly_once(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var migrators = Enumerable.Range(0, 4).Select(_ => db.CreateMigrator()).ToList();

        var applied = await Task.WhenAll(migrators.Select(m => Task.Run(() => m.MigrateAsync())));

        var versions = MigrationCatalog.For(provider).Select(m => m.Version).ToList();
        // Between them the four applied every migration once: no version twice, none missing.
        Assert.Equal(versions, applied.SelectMany(a => a).Order(StringComparer.Ordinal));
        var ledger = await db.QueryAsync("SELECT version, COUNT(*) FROM schema_migrations GROUP BY version ORDER BY version", r => (r.GetString(0), r.GetInt64(1)));
        Assert.Equal(versions.Select(v => (v, 1L)), ledger);
    }

    private static Task<List<string>> LedgerAsync(TestDatabase db) =>
        db.QueryAsync("SELECT version || '|' || checksum || '|' || CAST(applied_at AS TEXT) FROM schema_migrations ORDER BY version", r => r.GetString(0));
}
