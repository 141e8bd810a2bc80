using Microsoft.EntityFrameworkCore;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Storage.Configuration;

namespace Orchestrator.Integration.Tests.Schema;

/// <summary>The one EF Core model maps every column of every table the migrations create, on both providers.</summary>
public sealed class EfModelTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_model_maps_exactly_the_columns_of_every_table(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var columns = await DatabaseCatalog.ReadColumnsAsync(db);
        await using var context = db.CreateContext();

        var modelTables = context.Model.GetEntityTypes().ToDictionary(
            e => e.GetTableName()!,
            e => e.GetProperties().Select(p => p.GetColumnName()).Order().ToList());

        // Archive tables (retention), partitions (PostgreSQL) and SQLite's internal tables are storage
        // detail, reached through SQL; every other table is in the model.
        var databaseTables = columns.Keys.Select(k => k.Table).Distinct()
            .Where(t => !t.EndsWith("_archive", StringComparison.Ordinal) && !t.StartsWith("orders_", StringComparison.Ordinal) && !t.StartsWith("sqlite_", StringComparison.Ordinal))
            .Order().ToList();
        Assert.Equal(databaseTables, modelTables.Keys.Order().ToList());
        // The seed's 27, the three document tables, cache_epochs, order_client_ids and backtest_runs.
        Assert.Equal(33, modelTables.Count);

        foreach (var (table, mapped) in modelTables)
        {
            var actual = columns.Keys.Where(k => k.Table == table).Select(k => k.Column).Order().ToList();
            Assert.Equal(actual, mapped);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Database_defaults_fill_columns_the_application_leaves_unset(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var user = Rows.User();
        await using (var context = db.CreateContext())
        {
            context.Add(user);
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using (var context = db.CreateContext())
        {
            var stored = await context.Users.SingleAsync(u => u.UserId == user.UserId, TestContext.Current.CancellationToken);
            // The seed's defaults: timezone 'UTC', active, unverified, USD, MODERATE, max daily loss 1000.00.
            Assert.Equal("UTC", stored.Timezone);
            Assert.True(stored.IsActive);
            Assert.False(stored.IsVerified);
            Assert.Equal("USD", stored.PreferredCurrency);
            Assert.Equal("MODERATE", stored.RiskTolerance);
            Assert.Equal(1000.00m, stored.MaxDailyLoss);
            Assert.NotNull(stored.CreatedAt);
            Assert.InRange(stored.CreatedAt!.Value, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(5));
        }
    }
}
