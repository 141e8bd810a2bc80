using Orchestrator.Domain.MarketData;

namespace Orchestrator.Domain.Tests.MarketData;

public sealed class TradingHoursTests
{
    // New York is UTC-5 (EST) until 2026-03-08 02:00, then UTC-4 (EDT) until 2026-11-01.
    private static readonly TradingHours Nyse = TradingHours.FromJson(
        """{"timeZone":"America/New_York","sessions":{"MON":[["09:30","16:00"]],"TUE":[["09:30","16:00"]],"WED":[["09:30","16:00"]],"THU":[["09:30","16:00"]],"FRI":[["09:30","16:00"]]},"holidays":["2026-12-25"]}""");

    private static DateTimeOffset Utc(int month, int day, int hour, int minute, int second = 0) =>
        new(2026, month, day, hour, minute, second, TimeSpan.Zero);

    [Fact]
    public void Us_equities_are_open_from_0930_to_1600_new_york_time()
    {
        // Friday 2026-03-06 is EST: 09:30 local = 14:30Z, 16:00 local = 21:00Z.
        Assert.False(TradingHours.UsEquities.IsOpen(Utc(3, 6, 14, 29, 59)));
        Assert.True(TradingHours.UsEquities.IsOpen(Utc(3, 6, 14, 30)));
        Assert.True(TradingHours.UsEquities.IsOpen(Utc(3, 6, 20, 59, 59)));
        Assert.False(TradingHours.UsEquities.IsOpen(Utc(3, 6, 21, 0)));

        // Monday 2026-03-09 is EDT: the same local session is 13:30Z to 20:00Z.
        Assert.True(TradingHours.UsEquities.IsOpen(Utc(3, 9, 13, 30)));
        Assert.False(TradingHours.UsEquities.IsOpen(Utc(3, 9, 20, 0)));
    }

    [Fact]
    public void Weekends_and_holidays_have_no_session()
    {
        // Saturday 2026-03-07 12:00 EST.
        Assert.False(Nyse.IsOpen(Utc(3, 7, 17, 0)));
        // Christmas, Friday 2026-12-25 12:00 EST = 17:00Z: a weekday, but a holiday.
        Assert.False(Nyse.IsOpen(Utc(12, 25, 17, 0)));
        Assert.True(TradingHours.UsEquities.IsOpen(Utc(12, 25, 17, 0)));
    }

    [Fact]
    public void Session_open_and_close_are_those_in_progress_else_the_next()
    {
        // In session, Thursday 2026-12-24 12:00 EST: 09:30 EST = 14:30Z and 16:00 EST = 21:00Z that day.
        Assert.Equal(Utc(12, 24, 14, 30), Nyse.SessionOpen(Utc(12, 24, 17, 0)));
        Assert.Equal(Utc(12, 24, 21, 0), Nyse.SessionClose(Utc(12, 24, 17, 0)));

        // After Thursday's close: Friday is Christmas, then the weekend, so Monday 2026-12-28 09:30-16:00 EST.
        Assert.Equal(Utc(12, 28, 14, 30), Nyse.SessionOpen(Utc(12, 24, 21, 0)));
        Assert.Equal(Utc(12, 28, 21, 0), Nyse.SessionClose(Utc(12, 24, 21, 0)));
    }

    [Fact]
    public void The_next_session_after_a_dst_change_uses_the_new_offset()
    {
        // Friday 2026-03-06 17:00 EST (22:00Z), after the close; DST starts Sunday 03-08, so Monday's
        // 16:00 EDT is 20:00Z (not 21:00Z).
        Assert.Equal(Utc(3, 9, 20, 0), TradingHours.UsEquities.SessionClose(Utc(3, 6, 22, 0)));
    }

    [Fact]
    public void The_trading_day_is_the_local_date()
    {
        // 2026-03-06 02:00Z is 2026-03-05 21:00 EST.
        Assert.Equal(new DateOnly(2026, 3, 5), TradingHours.UsEquities.TradingDay(Utc(3, 6, 2, 0)));
        Assert.Equal(new DateOnly(2026, 3, 6), TradingHours.AlwaysOpen.TradingDay(Utc(3, 6, 2, 0)));
    }

    [Fact]
    public void Always_open_has_no_sessions_to_close()
    {
        Assert.True(TradingHours.AlwaysOpen.IsOpen(Utc(3, 7, 3, 0)));
        Assert.Null(TradingHours.AlwaysOpen.SessionClose(Utc(3, 7, 3, 0)));
        Assert.Null(TradingHours.AlwaysOpen.SessionOpen(Utc(3, 7, 3, 0)));
    }

    [Fact]
    public void Json_round_trips()
    {
        var json = Nyse.ToJson();
        Assert.Equal(
            """{"timeZone":"America/New_York","sessions":{"MON":[["09:30","16:00"]],"TUE":[["09:30","16:00"]],"WED":[["09:30","16:00"]],"THU":[["09:30","16:00"]],"FRI":[["09:30","16:00"]]},"holidays":["2026-12-25"]}""",
            json);
        Assert.Equal(json, TradingHours.FromJson(json).ToJson());
        Assert.Equal("""{"timeZone":"UTC","alwaysOpen":true}""", TradingHours.AlwaysOpen.ToJson());
        Assert.True(TradingHours.FromJson(TradingHours.AlwaysOpen.ToJson()).IsAlwaysOpen);
    }

    [Theory]
    [InlineData("""{"sessions":{}}""", "timeZone: required")]
    [InlineData("""{"timeZone":"Mars/Olympus","sessions":{}}""", "timeZone: unknown time zone 'Mars/Olympus'")]
    [InlineData("""{"timeZone":"UTC","sessions":{"MON":[["09:30","25:00"]]}}""", "sessions.MON[0]: \"25:00\" is not a time")]
    [InlineData("""{"timeZone":"UTC","sessions":{"MONDAY":[]}}""", "sessions.MONDAY: not a weekday")]
    [InlineData("""{"timeZone":"UTC","sessions":{"MON":[["16:00","09:30"]]}}""", "sessions: Session 0 on Monday: open 16:00 must be before close 09:30")]
    [InlineData("""{"timeZone":"UTC","sessions":{},"holidays":["25/12/2026"]}""", "holidays[0]: \"25/12/2026\" is not a date")]
    [InlineData("""{"timeZone":""", "not valid JSON")]
    public void Bad_json_names_the_bad_field(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => TradingHours.FromJson(json));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_constructor_rejects_an_unknown_zone_and_an_empty_session()
    {
        var none = new Dictionary<DayOfWeek, IReadOnlyList<(TimeOnly, TimeOnly)>>();
        var zone = Assert.Throws<ArgumentException>(() => new TradingHours("Nowhere/Atlantis", none, []));
        Assert.Contains("Unknown time zone 'Nowhere/Atlantis'", zone.Message, StringComparison.Ordinal);

        var empty = new Dictionary<DayOfWeek, IReadOnlyList<(TimeOnly, TimeOnly)>>
        {
            [DayOfWeek.Tuesday] = [(new TimeOnly(10, 0), new TimeOnly(10, 0))],
        };
        var session = Assert.Throws<ArgumentException>(() => new TradingHours("UTC", empty, []));
        Assert.Contains("on Tuesday: open 10:00 must be before close 10:00", session.Message, StringComparison.Ordinal);
    }
}
