using Microsoft.EntityFrameworkCore;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Integration.Tests.Schema;

/// <summary>The seed's unique keys and ON DELETE rules hold on each provider.</summary>
public sealed class ReferentialIntegrityTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_second_user_with_the_same_email_is_rejected(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        await using (var context = db.CreateContext())
        {
            context.Users.Add(Rows.User("same@example.com"));
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using (var context = db.CreateContext())
        {
            context.Users.Add(Rows.User("same@example.com"));
            await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync(TestContext.Current.CancellationToken));
        }

        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT COUNT(*) FROM users"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Deleting_a_user_cascades_to_sessions_keys_accounts_positions_and_balances(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var user = Rows.User();
        var other = Rows.User("other@example.com");
        var broker = Rows.PaperBroker();
        var account = Rows.Account(user, broker);
        var otherAccount = Rows.Account(other, broker);
        await using (var context = db.CreateContext())
        {
            context.AddRange(user, other, broker, account, otherAccount);
            foreach (var owner in new[] { user, other })
            {
                context.Add(new UserSession { UserId = owner.UserId, SessionToken = $"hash-{owner.UserId}", ExpiresAt = DateTime.UtcNow.AddHours(1) });
                context.Add(new UserApiKey { UserId = owner.UserId, KeyName = "bot", ApiKeyHash = $"hash-{owner.UserId}", ApiKeyPrefix = "dto_abc" });
            }

            foreach (var acct in new[] { account, otherAccount })
            {
                context.Add(new AccountPosition { AccountId = acct.AccountId, Symbol = "MSFT", Quantity = 10m, AveragePrice = 412.5m, PositionType = "LONG", OpenedAt = DateTime.UtcNow });
                context.Add(new AccountBalance { AccountId = acct.AccountId, Currency = "USD", CashBalance = 100_000m });
            }

            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await db.ExecuteAsync($"DELETE FROM users WHERE user_id = '{user.UserId}'");

        // Everything of the deleted user is gone; the other user's rows (one of each) are untouched.
        foreach (var table in new[] { "user_sessions", "user_api_keys", "user_broker_accounts", "account_positions", "account_balances" })
        {
            Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT COUNT(*) FROM {table}"));
        }

        Assert.Equal(other.UserId.ToString(), await db.ScalarAsync<string>("SELECT CAST(user_id AS TEXT) FROM user_sessions"));
        Assert.Equal(otherAccount.AccountId.ToString(), await db.ScalarAsync<string>("SELECT CAST(account_id AS TEXT) FROM account_positions"));
        // The catalog is no user's: the seeded paper broker and the test's broker both remain.
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT COUNT(*) FROM brokers"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_fill_must_name_an_existing_order_and_goes_with_it(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var user = Rows.User();
        var broker = Rows.PaperBroker();
        var account = Rows.Account(user, broker);
        var submitted = new DateTime(2026, 11, 2, 14, 30, 0, DateTimeKind.Utc);
        var order = Rows.Order(account, submitted);
        await using (var context = db.CreateContext())
        {
            context.AddRange(user, broker, account, order);
            context.Add(new OrderFill { OrderId = order.OrderId, OrderSubmittedAt = submitted, FillQuantity = 40m, FillPrice = 187.20m, LiquidityIndicator = "P" });
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        // A fill whose (order_id, order_submitted_at) names no order is refused by the composite foreign key.
        await using (var context = db.CreateContext())
        {
            context.Add(new OrderFill { OrderId = order.OrderId, OrderSubmittedAt = submitted.AddDays(1), FillQuantity = 1m, FillPrice = 1m });
            await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync(TestContext.Current.CancellationToken));
        }

        await db.ExecuteAsync($"DELETE FROM orders WHERE order_id = '{order.OrderId}'");
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT COUNT(*) FROM order_fills"));
    }
}
