using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Server.Live;
using StackExchange.Redis;

namespace Orchestrator.Integration.Tests.Live;

/// <summary>The user event hub's promises that the stream tests do not reach: the wire form, a slow reader, Redis down.</summary>
public sealed class UserEventHubTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void An_event_is_one_flat_object_with_its_type_first_camel_case_and_no_nulls()
    {
        var e = UserEvent.Of("order_update", new { OrderId = 7, Status = "FILLED", Reason = (string?)null, Type = "ignored" });
        Assert.Equal("""{"type":"order_update","orderId":7,"status":"FILLED"}""", e.Json);
        Assert.Equal(("order_update", e.Json), (UserEvent.Parse(e.Json)!.Type, UserEvent.Parse(e.Json)!.Json));
        Assert.Null(UserEvent.Parse("not json"));
        Assert.Null(UserEvent.Parse("""{"kind":"x"}"""));
        Assert.Throws<ArgumentException>(() => UserEvent.Of("x", 42));
    }

    [Fact]
    public async Task A_reader_that_falls_behind_loses_the_oldest_events_and_never_holds_up_the_publisher_or_sees_another_user_s()
    {
        var hub = new MemoryUserEventHub();
        var (alice, bob) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await using var slow = await hub.SubscribeAsync(alice, Ct);
        await using var other = await hub.SubscribeAsync(bob, Ct);

        // Nobody reads while the buffer's capacity plus five are published: every publication completes at once.
        var total = UserEventBuffer.Capacity + 5;
        for (var i = 1; i <= total; i++)
        {
            Assert.True(hub.PublishAsync(alice, UserEvent.Of("n", new { i }), Ct).IsCompletedSuccessfully);
        }

        await hub.PublishAsync(bob, UserEvent.Of("n", new { i = -1 }), Ct);
        await slow.DisposeAsync();
        var received = new List<string>();
        await foreach (var e in slow.Events(Ct))
        {
            received.Add(e.Json);
        }

        Assert.Equal(UserEventBuffer.Capacity, received.Count);
        Assert.Equal("""{"type":"n","i":6}""", received[0]);
        Assert.Equal($$"""{"type":"n","i":{{total}}}""", received[^1]);

        // After its subscriber left, the user's publications go nowhere (and still do not fail).
        await hub.PublishAsync(alice, UserEvent.Of("n", new { i = 0 }), Ct);
        await other.DisposeAsync();
        Assert.Equal("""{"type":"n","i":-1}""", Assert.Single(await ToListAsync(other)).Json);
    }

    [Fact]
    public async Task Publishing_with_redis_unreachable_logs_and_returns_instead_of_throwing()
    {
        // Port 1 on loopback refuses connections; the short timeouts keep the test quick.
        await using var redis = await ConnectionMultiplexer.ConnectAsync("127.0.0.1:1,abortConnect=false,connectTimeout=200,asyncTimeout=300,syncTimeout=300");
        var hub = new RedisUserEventHub(redis, NullLogger<RedisUserEventHub>.Instance);
        var watch = Stopwatch.StartNew();
        await hub.PublishAsync(Guid.CreateVersion7(), UserEvent.Of("risk_alert", new { alertId = Guid.Empty }), Ct);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    private static async Task<List<UserEvent>> ToListAsync(IUserEventSubscription subscription)
    {
        var list = new List<UserEvent>();
        await foreach (var e in subscription.Events(Ct))
        {
            list.Add(e);
        }

        return list;
    }
}
