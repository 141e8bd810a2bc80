using Npgsql;
using Orchestrator.Integration.Tests.Support;
using Orchestrator.Storage.Configuration;
using Orchestrator.Storage.Leases;

namespace Orchestrator.Integration.Tests.Server;

/// <summary>
/// <see cref="DatabaseLease"/>: one holder per database and name, the holder named to whoever is refused, let go on
/// dispose, and on PostgreSQL lost with its session.
/// </summary>
public sealed class DatabaseLeaseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task One_holder_at_a_time_and_the_refused_one_learns_who(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        Assert.Null(await DatabaseLease.HolderAsync(db.Connections, "trading", Ct));

        var first = await DatabaseLease.TryAcquireAsync(db.Connections, "trading", "first holder", Ct);
        Assert.NotNull(first);
        // A second claim on the same name is refused (a second connection on PostgreSQL, a second open file on SQLite,
        // both in this process: the lock is per session or per open file, not per process)...
        Assert.Null(await DatabaseLease.TryAcquireAsync(db.Connections, "trading", "second holder", Ct));
        // ...and told who holds it, with the time it took it ("first holder, since 2026-11-27 04:31:07Z").
        var holder = await DatabaseLease.HolderAsync(db.Connections, "trading", Ct);
        Assert.Matches(@"^first holder, since \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z$", holder);
        // Another name is another lease.
        await using (var other = await DatabaseLease.TryAcquireAsync(db.Connections, "other", "third holder", Ct))
        {
            Assert.NotNull(other);
        }

        Assert.True(await first.IsHeldAsync(Ct));
        await first.DisposeAsync();

        Assert.Null(await DatabaseLease.HolderAsync(db.Connections, "trading", Ct));
        await using var second = await DatabaseLease.TryAcquireAsync(db.Connections, "trading", "second holder", Ct);
        Assert.NotNull(second);
        Assert.StartsWith("second holder, since ", await DatabaseLease.HolderAsync(db.Connections, "trading", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_postgres_a_lease_whose_session_ended_is_lost_and_free_for_another()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var first = await DatabaseLease.TryAcquireAsync(db.Connections, "trading", "doomed holder", Ct);
        Assert.NotNull(first);

        // The session ends under the holder (a restarted server, a dropped connection, an operator).
        await using (var connection = await db.Connections.OpenAsync(Ct))
        {
            await using var terminate = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'doomed holder' AND datname = current_database()",
                (NpgsqlConnection)connection);
            Assert.Equal(true, await terminate.ExecuteScalarAsync(Ct));
        }

        Assert.False(await first.IsHeldAsync(Ct));
        await using var second = await DatabaseLease.TryAcquireAsync(db.Connections, "trading", "next holder", Ct);
        Assert.NotNull(second);
    }

    [Fact]
    public async Task A_sqlite_database_in_memory_is_always_granted()
    {
        var memory = new ConnectionFactory(new DatabaseOptions(DatabaseProvider.Sqlite, "Data Source=:memory:"));
        await using var first = await DatabaseLease.TryAcquireAsync(memory, "trading", "first", Ct);
        await using var second = await DatabaseLease.TryAcquireAsync(memory, "trading", "second", Ct);
        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Null(await DatabaseLease.HolderAsync(memory, "trading", Ct));
    }

    [Fact]
    public async Task Orders_are_refused_from_taking_the_lease_until_the_book_is_restored()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var ownership = new Orchestrator.Server.Trading.TradingOwnership(db.Connections);
        Assert.Throws<Orchestrator.Server.Trading.TradingNotReadyException>(ownership.EnsureReady);

        // Held but still restoring: an order let in now would reach an exchange without its resting orders.
        await ownership.AcquireAsync(TimeSpan.Zero, Ct);
        Assert.True(ownership.IsHeld);
        ownership.EnsureHeld(); // settings may change (the demo is set up then), orders may not
        var restoring = Assert.Throws<Orchestrator.Server.Trading.TradingNotReadyException>(ownership.EnsureReady);
        Assert.StartsWith("Trading is starting", restoring.Message, StringComparison.Ordinal);

        ownership.MarkReady();
        ownership.EnsureReady();
        Assert.True(ownership.WhenReady.IsCompletedSuccessfully);
    }
}
