using Orchestrator.Domain.Orders;
using Orchestrator.Domain.Portfolio;

namespace Orchestrator.Domain.Tests.Portfolio;

public sealed class PositionBookTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 9, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Average_price_and_realized_pnl_through_long_partial_close_flip_to_short_and_cover()
    {
        var ids = new Queue<Guid>([Guid.Parse("00000000-0000-7000-8000-000000000001"), Guid.Parse("00000000-0000-7000-8000-000000000002")]);
        var book = new PositionBook(ids.Dequeue);

        // 1. Buy 100 @ 50: opens a long of 100 at 50.
        var opened = book.Apply("AAPL", OrderSide.Buy, 100m, 50m, T0).Opened!;
        Assert.Equal((100m, 50m, PositionType.Long), (opened.Quantity, opened.AveragePrice, opened.PositionType));
        Assert.Equal("LONG", opened.PositionType.ToSeedName());

        // 2. Buy 50 @ 56: average = (100 x 50 + 50 x 56) / 150 = (5,000 + 2,800) / 150 = 52.
        var increased = book.Apply("AAPL", OrderSide.Buy, 50m, 56m, T0.AddMinutes(1));
        Assert.Same(opened, increased.Updated);
        Assert.Equal((150m, 52m, 0m), (opened.Quantity, opened.AveragePrice, opened.RealizedPnl));

        // 3. Sell 60 @ 55: realizes (55 - 52) x 60 = 180; 90 left, average still 52.
        book.Apply("AAPL", OrderSide.Sell, 60m, 55m, T0.AddMinutes(2));
        Assert.Equal((90m, 52m, 180m), (opened.Quantity, opened.AveragePrice, opened.RealizedPnl));
        Assert.Null(opened.ClosedAt);

        // 4. Sell 120 @ 60: closes the 90 realizing (60 - 52) x 90 = 720 (total 180 + 720 = 900), and opens
        //    a new short of 120 - 90 = 30 at 60 with a new id.
        var flip = book.Apply("AAPL", OrderSide.Sell, 120m, 60m, T0.AddMinutes(3));
        Assert.Same(opened, flip.Closed);
        Assert.Equal((0m, 900m, T0.AddMinutes(3)), (opened.Quantity, opened.RealizedPnl, opened.ClosedAt));
        var shortPosition = flip.Opened!;
        Assert.Equal(Guid.Parse("00000000-0000-7000-8000-000000000002"), shortPosition.PositionId);
        Assert.Equal((-30m, 60m, PositionType.Short, T0.AddMinutes(3)), (shortPosition.Quantity, shortPosition.AveragePrice, shortPosition.PositionType, shortPosition.OpenedAt));
        Assert.Equal("SHORT", shortPosition.PositionType.ToSeedName());

        // Marked at 62, the short is worth -30 x 62 = -1,860 and has lost (62 - 60) x -30 = -60.
        shortPosition.Mark(62m, T0.AddMinutes(4));
        Assert.Equal((-1860m, -60m), (shortPosition.MarketValue, shortPosition.UnrealizedPnl));

        // 5. Buy 30 @ 58 covers: realizes (60 - 58) x 30 = 60 on the short, which closes.
        var cover = book.Apply("AAPL", OrderSide.Buy, 30m, 58m, T0.AddMinutes(5));
        Assert.Same(shortPosition, cover.Closed);
        Assert.Null(cover.Opened);
        Assert.Equal((0m, 60m, T0.AddMinutes(5)), (shortPosition.Quantity, shortPosition.RealizedPnl, shortPosition.ClosedAt));
        Assert.Null(book.Open("AAPL"));
        Assert.Empty(book.OpenPositions);
    }

    [Fact]
    public void A_restored_position_continues_where_it_was()
    {
        var book = new PositionBook();
        var stored = new Position(Guid.CreateVersion7(), "MSFT", -10m, 400m, T0, realizedPnl: 25m);
        book.Restore(stored);

        // Cover 4 @ 390: (400 - 390) x 4 = 40, plus the stored 25 = 65.
        book.Apply("MSFT", OrderSide.Buy, 4m, 390m, T0.AddHours(1));
        Assert.Equal((-6m, 65m), (stored.Quantity, stored.RealizedPnl));
        Assert.Throws<ArgumentException>(() => book.Restore(new Position(Guid.CreateVersion7(), "MSFT", 1m, 1m, T0)));
    }
}
