using System.CommandLine;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.Migrations;
using Spectre.Console;

namespace Orchestrator.Cli.Commands;

/// <summary><c>orchestrator db migrate</c> and <c>orchestrator db status</c>.</summary>
public static class DbCommands
{
    public static Command Create()
    {
        var db = new Command("db", "Database schema: migrate and status");
        db.Subcommands.Add(Migrate());
        db.Subcommands.Add(Status());
        return db;
    }

    private static Command Migrate()
    {
        var command = new Command("migrate", "Bring the configured database to the newest schema") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction((parse, ct) => CommandErrors.RunAsync(async () =>
        {
            var migrator = CreateMigrator(parse);
            var applied = await MigrateAsync(migrator, Console.Out, ct);
            Console.WriteLine(applied.Count == 0
                ? "Database is up to date; nothing to apply."
                : $"Applied {applied.Count} migration(s).");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Status()
    {
        var command = new Command("status", "List every migration with applied-at, checksum and state") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction((parse, ct) => CommandErrors.RunAsync(async () =>
        {
            var status = await CreateMigrator(parse).StatusAsync(ct);
            var table = new Table()
                .AddColumn(new TableColumn("Version").NoWrap())
                .AddColumn("Description")
                .AddColumn(new TableColumn("State").NoWrap())
                .AddColumn(new TableColumn("Applied at (UTC)").NoWrap())
                .AddColumn(new TableColumn("Checksum").NoWrap());
            foreach (var entry in status)
            {
                table.AddRow(
                    Markup.Escape(entry.Version),
                    Markup.Escape(entry.Description),
                    StateMarkup(entry.State),
                    entry.AppliedAt?.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                    Markup.Escape(ShortChecksum(entry.LedgerChecksum ?? entry.FileChecksum)));
            }

            AnsiConsole.Write(table);
            var changed = status.Where(s => s.State == MigrationState.Changed).Select(s => s.Version).ToList();
            return changed.Count > 0
                ? CommandErrors.Fail(ExitCodes.MigrationChanged, $"applied migration {string.Join(", ", changed)} has changed since it was applied (checksum differs)")
                : ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Applies pending migrations, printing each as it starts. Shared with <c>serve</c>.</summary>
    /// <summary>Migrates, writing an "Applying VERSION: DESCRIPTION" line to <paramref name="progressTo"/> before each migration.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(Migrator migrator, TextWriter progressTo, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(progressTo);
        var progress = new SynchronousProgress<Migration>(m => progressTo.WriteLine($"Applying {m.Version}: {m.Description}"));
        return await migrator.MigrateAsync(progress, ct);
    }

    public static Migrator CreateMigrator(ParseResult parse)
    {
        var configuration = CliConfiguration.Build(parse.UnmatchedTokens);
        return new Migrator(new ConnectionFactory(DatabaseOptions.FromConfiguration(configuration)));
    }

    /// <summary>The first 12 hex digits: enough to tell versions of a file apart at a glance.</summary>
    private static string ShortChecksum(string? checksum) => checksum is null ? "-" : checksum[..Math.Min(12, checksum.Length)];

    private static string StateMarkup(MigrationState state) => state switch
    {
        MigrationState.Applied => "[green]applied[/]",
        MigrationState.Pending => "[yellow]pending[/]",
        MigrationState.Changed => "[red]changed[/]",
        _ => "[grey]missing[/]",
    };

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
