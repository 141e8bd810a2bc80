using Microsoft.EntityFrameworkCore;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Storage.Configuration;

namespace Orchestrator.Integration.Tests.Schema;

/// <summary>orders is partitioned by month on PostgreSQL; an order of any date is stored and read back.</summary>
public sealed class OrderPartitionTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Orders_from_2019_this_month_and_2031_are_stored_and_read_back(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var now = DateTime.UtcNow;
        var user = Rows.User();
        var broker = Rows.PaperBroker();
        var account = Rows.Account(user, broker);
        var dates = new[]
        {
            new DateTime(2019, 3, 15, 14, 30, 0, DateTimeKind.Utc),
            new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(15.5),
            new DateTime(2031, 7, 1, 9, 30, 0, DateTimeKind.Utc),
        };
        var orders = dates.Select((d, i) => Rows.Order(account, d, $"SYM{i}")).ToList();
        await using (var context = db.CreateContext())
        {
            context.AddRange(user, broker, account);
            context.AddRange(orders);
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using (var context = db.CreateContext())
        {
            var stored = await context.Orders.OrderBy(o => o.Symbol).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(["SYM0", "SYM1", "SYM2"], stored.Select(o => o.Symbol));
            Assert.Equal(dates, stored.Select(o => o.SubmittedAt));
            Assert.All(stored, o => Assert.Equal(DateTimeKind.Utc, o.SubmittedAt.Kind));
            Assert.Equal(orders.Select(o => o.OrderId), stored.Select(o => o.OrderId));
            Assert.All(stored, o => Assert.Equal(187.25m, o.LimitPrice));
        }

        if (provider == DatabaseProvider.Postgres)
        {
            // 2019 and 2031 lie outside the partitions created ahead of time: the DEFAULT partition holds them.
            var placement = await db.QueryAsync(
                "SELECT symbol, tableoid::regclass::text FROM orders ORDER BY symbol",
                r => (Symbol: r.GetString(0), Partition: r.GetString(1)));
            Assert.Equal(
                ["orders_default", $"orders_y{now:yyyy}m{now:MM}", "orders_default"],
                placement.Select(p => p.Partition));
        }
    }

    [Fact]
    public async Task Partition_creation_is_idempotent_and_skips_months_already_in_the_default_partition()
    {
        await using var db = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Postgres);
        var user = Rows.User();
        var broker = Rows.PaperBroker();
        var account = Rows.Account(user, broker);
        await using (var context = db.CreateContext())
        {
            context.AddRange(user, broker, account, Rows.Order(account, new DateTime(2031, 7, 1, 9, 30, 0, DateTimeKind.Utc)));
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        // June to August 2031: June and August are created; July already has a row in orders_default and is
        // skipped (creating it would fail), so the order stays where it is.
        Assert.Equal(2, await db.ScalarAsync<int>("SELECT create_monthly_partitions('orders', DATE '2031-06-01', 3)"));
        Assert.Equal(0, await db.ScalarAsync<int>("SELECT create_monthly_partitions('orders', DATE '2031-06-01', 3)"));
        var partitions = await db.QueryAsync(
            "SELECT inhrelid::regclass::text FROM pg_inherits WHERE inhparent = 'orders'::regclass AND inhrelid::regclass::text LIKE 'orders_y2031%' ORDER BY 1",
            r => r.GetString(0));
        Assert.Equal(["orders_y2031m06", "orders_y2031m08"], partitions);
        Assert.Equal("orders_default", await db.ScalarAsync<string>("SELECT tableoid::regclass::text FROM orders"));

        // An order in a newly created month is routed to that month's partition.
        await using (var context = db.CreateContext())
        {
            context.Add(Rows.Order(account, new DateTime(2031, 8, 31, 23, 59, 59, DateTimeKind.Utc), "AUG"));
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal("orders_y2031m08", await db.ScalarAsync<string>("SELECT tableoid::regclass::text FROM orders WHERE symbol = 'AUG'"));
    }
}
