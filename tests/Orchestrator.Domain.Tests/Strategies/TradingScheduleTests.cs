using System.Text.Json;
using Orchestrator.Domain.Strategies;

namespace Orchestrator.Domain.Tests.Strategies;

public sealed class TradingScheduleTests
{
    // New York is UTC-5 (EST) until Sunday 2026-03-08 02:00 local, then UTC-4 (EDT) until Sunday 2026-11-01 02:00.
    private static readonly TradingSchedule Weekdays = Parse(
        """{"time_zone":"America/New_York","days":["MON","TUE","WED","THU","FRI"],"start":"09:30","end":"16:00"}""");

    private static DateTimeOffset Utc(int month, int day, int hour, int minute, int second = 0) =>
        new(2026, month, day, hour, minute, second, TimeSpan.Zero);

    private static TradingSchedule Parse(string json)
    {
        var (schedule, errors) = TradingSchedule.FromJson(json);
        Assert.Empty(errors);
        return schedule!;
    }

    [Fact]
    public void The_window_keeps_its_wall_clock_times_across_the_spring_dst_change()
    {
        // Friday 2026-03-06 is EST: 09:30 local = 14:30Z, 16:00 local = 21:00Z.
        Assert.False(Weekdays.IsActive(Utc(3, 6, 14, 29, 59)));
        Assert.True(Weekdays.IsActive(Utc(3, 6, 14, 30)));
        Assert.True(Weekdays.IsActive(Utc(3, 6, 20, 59, 59)));
        Assert.False(Weekdays.IsActive(Utc(3, 6, 21, 0)));

        // Monday 2026-03-09 is EDT: the same local window is 13:30Z to 20:00Z, an hour earlier in UTC.
        Assert.False(Weekdays.IsActive(Utc(3, 9, 13, 29, 59)));
        Assert.True(Weekdays.IsActive(Utc(3, 9, 13, 30)));
        Assert.True(Weekdays.IsActive(Utc(3, 9, 19, 59, 59)));
        Assert.False(Weekdays.IsActive(Utc(3, 9, 20, 0)));
        // 20:30Z was inside Friday's window (15:30 EST) but is 16:30 EDT on Monday.
        Assert.True(Weekdays.IsActive(Utc(3, 6, 20, 30)));
        Assert.False(Weekdays.IsActive(Utc(3, 9, 20, 30)));
    }

    [Fact]
    public void The_window_follows_the_autumn_dst_change_back()
    {
        // Friday 2026-10-30 is EDT (13:30Z opens); Monday 2026-11-02 is EST (14:30Z opens).
        Assert.True(Weekdays.IsActive(Utc(10, 30, 13, 30)));
        Assert.False(Weekdays.IsActive(Utc(11, 2, 13, 30)));
        Assert.True(Weekdays.IsActive(Utc(11, 2, 14, 30)));
        Assert.True(Weekdays.IsActive(Utc(11, 2, 20, 59)));
    }

    [Fact]
    public void Weekends_are_outside_a_weekday_schedule()
    {
        // Saturday 2026-03-07 12:00 EST, Sunday 2026-03-08 12:00 EDT.
        Assert.False(Weekdays.IsActive(Utc(3, 7, 17, 0)));
        Assert.False(Weekdays.IsActive(Utc(3, 8, 16, 0)));
    }

    [Fact]
    public void A_window_that_ends_before_it_starts_runs_past_midnight_into_the_next_day()
    {
        // Friday 22:00 to Saturday 02:00 Tokyo (UTC+9, no DST): Friday 13:00Z to 17:00Z.
        var evenings = Parse("""{"time_zone":"Asia/Tokyo","days":["FRI"],"start":"22:00","end":"02:00"}""");
        Assert.False(evenings.IsActive(Utc(3, 6, 12, 59)));
        Assert.True(evenings.IsActive(Utc(3, 6, 13, 0)));
        Assert.True(evenings.IsActive(Utc(3, 6, 16, 59)));
        Assert.False(evenings.IsActive(Utc(3, 6, 17, 0)));
        // Thursday evening is not in the schedule, so Friday 01:00 local (Thursday 16:00Z) is not either.
        Assert.False(evenings.IsActive(Utc(3, 5, 16, 0)));
    }

    [Fact]
    public void A_window_edge_in_the_skipped_spring_hour_takes_effect_after_the_gap()
    {
        // Sunday 2026-03-08: New York clocks go from 01:59:59 EST (06:59:59Z) to 03:00 EDT (07:00Z); 02:30 never happens.
        var early = Parse("""{"time_zone":"America/New_York","days":["SUN"],"start":"02:30","end":"05:00"}""");
        Assert.False(early.IsActive(Utc(3, 8, 6, 59, 59)));
        Assert.True(early.IsActive(Utc(3, 8, 7, 0)));
        Assert.True(early.IsActive(Utc(3, 8, 8, 59)));
        Assert.False(early.IsActive(Utc(3, 8, 9, 0)));
    }

    [Fact]
    public void Json_round_trips_with_days_in_week_order()
    {
        var schedule = Parse("""{"time_zone":"Europe/London","days":["FRI","MON"],"start":"08:00","end":"16:30"}""");
        Assert.Equal("""{"time_zone":"Europe/London","days":["MON","FRI"],"start":"08:00","end":"16:30"}""", schedule.ToJson().ToJsonString());
    }

    [Theory]
    [InlineData("""{"time_zone":"Mars/Olympus","days":["MON"],"start":"09:30","end":"16:00"}""", "time_zone")]
    [InlineData("""{"days":["MON"],"start":"09:30","end":"16:00"}""", "time_zone")]
    [InlineData("""{"time_zone":"UTC","days":["MON","FUN"],"start":"09:30","end":"16:00"}""", "days[1]")]
    [InlineData("""{"time_zone":"UTC","days":["MON","MON"],"start":"09:30","end":"16:00"}""", "days[1]")]
    [InlineData("""{"time_zone":"UTC","days":[],"start":"09:30","end":"16:00"}""", "days")]
    [InlineData("""{"time_zone":"UTC","days":["MON"],"start":"9.30","end":"16:00"}""", "start")]
    [InlineData("""{"time_zone":"UTC","days":["MON"],"start":"09:30","end":"25:00"}""", "end")]
    [InlineData("""{"time_zone":"UTC","days":["MON"],"start":"09:30","end":"16:00","holidays":[]}""", "holidays")]
    [InlineData("""["MON"]""", "trading_schedule")]
    public void Each_bad_member_is_named(string json, string field)
    {
        var (schedule, errors) = TradingSchedule.FromJson(json);
        Assert.Null(schedule);
        Assert.Equal(field, Assert.Single(errors).Field);
    }

    [Fact]
    public void Risk_settings_are_fractions_and_unknown_keys_are_refused()
    {
        using var good = JsonDocument.Parse("""{"stop_loss_percentage":0.02,"max_position_fraction":0.25}""");
        var (settings, none) = RiskSettings.FromJson(good.RootElement);
        Assert.Empty(none);
        Assert.Equal(new RiskSettings(0.02m, null, 0.25m), settings);
        Assert.Equal(new RiskSettings(0.02m, 0.04m, 0.25m), settings!.Over(new RiskSettings(0.05m, 0.04m)));

        using var bad = JsonDocument.Parse("""{"stop_loss_percentage":2,"take_profit_percentage":"high","trailing_stop":0.01}""");
        var (_, errors) = RiskSettings.FromJson(bad.RootElement);
        Assert.Equal(["stop_loss_percentage", "take_profit_percentage", "trailing_stop"], errors.Select(e => e.Field).Order(StringComparer.Ordinal).ToArray());
    }
}
