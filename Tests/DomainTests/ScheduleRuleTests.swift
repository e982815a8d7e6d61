import Foundation
import Testing

@testable import Domain

/// Timed jobs' calendar rules, daylight-saving handling and misfire policies, driven with times as values.
@Suite("Schedule rules")
struct ScheduleRuleTests {
    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!
    static let newYork = TimeZone(identifier: "America/New_York")!

    static func slot(_ date: String, _ hour: Int, _ minute: Int = 0) -> WallClockTime {
        WallClockTime(date: LocalDate(date)!, hour: hour, minute: minute)
    }

    static func instant(_ text: String) -> Date {
        try! Date.ISO8601FormatStyle().parse(text)
    }

    @Test func calendarRulesStepFromSlotToSlot() {
        let monthly = Recurrence.monthly(day: 31, minuteOfDay: 9 * 60)
        #expect(monthly.slot(after: Self.slot("2026-01-31", 9)) == Self.slot("2026-02-28", 9))
        #expect(monthly.slot(after: Self.slot("2026-02-28", 9)) == Self.slot("2026-03-31", 9))
        let lastDay = Recurrence.monthly(day: -1, minuteOfDay: 0)
        #expect(lastDay.slot(after: Self.slot("2028-02-01", 0)) == Self.slot("2028-02-29", 0))
        // 15 days before each quarter's end.
        let quarterly = Recurrence.quarterly(daysBeforeEnd: 15, minuteOfDay: 9 * 60)
        #expect(quarterly.slot(after: Self.slot("2026-11-23", 10)) == Self.slot("2026-12-16", 9))
        #expect(quarterly.slot(after: Self.slot("2026-12-16", 9)) == Self.slot("2027-03-16", 9))
        let weekly = Recurrence.weekly(weekday: 1, minuteOfDay: 8 * 60 + 30)  // Mondays.
        #expect(weekly.slot(after: Self.slot("2026-11-23", 9)) == Self.slot("2026-11-30", 8, 30))
        let yearly = Recurrence.yearly(month: 2, day: 29, minuteOfDay: 0)
        #expect(yearly.slot(after: Self.slot("2026-01-01", 0)) == Self.slot("2026-02-28", 0))
        #expect(Recurrence.once(Self.slot("2026-12-01", 9)).slot(after: Self.slot("2026-12-01", 9)) == nil)
    }

    @Test func cronExpressionsReadAsVixieCronDoes() throws {
        let workdays = Recurrence.cron(try CronExpression("30 8 * * 1-5"))
        #expect(workdays.slot(after: Self.slot("2026-11-27", 9)) == Self.slot("2026-11-30", 8, 30))  // Fri → Mon.
        let steps = Recurrence.cron(try CronExpression("*/20 9-10 * * *"))
        #expect(steps.slot(after: Self.slot("2026-11-23", 9, 40)) == Self.slot("2026-11-23", 10, 0))
        // Day of month or day of week when both are given: the 1st, or any Sunday (0 or 7).
        let either = Recurrence.cron(try CronExpression("0 9 1 * 7"))
        #expect(either.slot(after: Self.slot("2026-11-23", 0)) == Self.slot("2026-11-29", 9))
        #expect(either.slot(after: Self.slot("2026-11-29", 9)) == Self.slot("2026-12-01", 9))
        #expect(Recurrence.cron(try CronExpression("0 0 30 2 *")).slot(after: Self.slot("2026-01-01", 0)) == nil)
        for bad in ["* * * *", "60 * * * *", "* 24 * * *", "*/0 * * * *", "5-1 * * * *", "a * * * *", "1,,2 * * * *"] {
            #expect(throws: DomainError.self) { try CronExpression(bad) }
        }
    }

    @Test func slotsMapToInstantsByTheDaylightSavingRules() {
        // Shanghai has no daylight saving: 09:00 is 01:00 UTC.
        #expect(Self.slot("2026-11-23", 9).instant(in: Self.shanghai) == Self.instant("2026-11-23T01:00:00Z"))
        // New York springs forward on 2026-03-08 at 02:00: 02:30 does not exist and fires at 03:00 EDT (07:00Z).
        #expect(Self.slot("2026-03-08", 2, 30).instant(in: Self.newYork) == Self.instant("2026-03-08T07:00:00Z"))
        // It falls back on 2026-11-01 at 02:00: 01:30 happens twice and fires at the first (EDT, 05:30Z).
        #expect(Self.slot("2026-11-01", 1, 30).instant(in: Self.newYork) == Self.instant("2026-11-01T05:30:00Z"))
        // A daily job steps by local slot: once on the day of each change, always at 01:30 local.
        let daily = Recurrence.daily(minuteOfDay: 90)
        let fallBack = daily.firstSlot(after: Self.instant("2026-11-01T05:00:00Z"), in: Self.newYork)
        #expect(fallBack == Self.slot("2026-11-01", 1, 30))
        #expect(
            daily.firstSlot(after: Self.instant("2026-11-01T05:30:00Z"), in: Self.newYork)
                == Self.slot("2026-11-02", 1, 30)
        )
    }

    @Test func missedOccurrencesFollowTheJobsPolicy() {
        let daily = Recurrence.daily(minuteOfDay: 9 * 60)
        let waiting = Self.slot("2026-11-20", 9)
        // Down from the 20th to the 23rd at 10:00: four slots (20th–23rd) came due.
        let now = Self.instant("2026-11-23T02:00:00Z")
        let once = ScheduleStep.decide(
            recurrence: daily,
            zone: Self.shanghai,
            policy: .fireOnce,
            pending: waiting,
            now: now
        )
        #expect(
            once.fire == [Self.slot("2026-11-23", 9)] && once.skipped == 3 && once.next == Self.slot("2026-11-24", 9)
        )
        let skip = ScheduleStep.decide(
            recurrence: daily,
            zone: Self.shanghai,
            policy: .skip,
            pending: waiting,
            now: now
        )
        #expect(skip.fire.isEmpty && skip.skipped == 4 && skip.next == Self.slot("2026-11-24", 9))
        let replay = ScheduleStep.decide(
            recurrence: daily,
            zone: Self.shanghai,
            policy: .replay(cap: 2),
            pending: waiting,
            now: now
        )
        #expect(replay.fire == [Self.slot("2026-11-22", 9), Self.slot("2026-11-23", 9)] && replay.skipped == 2)
        // On time (within the grace), every policy fires it.
        let onTime = Self.instant("2026-11-23T01:00:30Z")
        let skipOnTime = ScheduleStep.decide(
            recurrence: daily,
            zone: Self.shanghai,
            policy: .skip,
            pending: Self.slot("2026-11-23", 9),
            now: onTime
        )
        #expect(skipOnTime.fire == [Self.slot("2026-11-23", 9)])
        // Not yet due: nothing fires and the job keeps waiting for the same slot.
        let early = ScheduleStep.decide(
            recurrence: daily,
            zone: Self.shanghai,
            policy: .fireOnce,
            pending: Self.slot("2026-11-24", 9),
            now: now
        )
        #expect(early.fire.isEmpty && early.next == Self.slot("2026-11-24", 9))
    }

    @Test func aYearOfAMonthlyJobFiresTwelveTimesEachOnce() {
        let rule = Recurrence.monthly(day: 1, minuteOfDay: 9 * 60)
        var pending = rule.firstSlot(after: Self.instant("2026-12-31T16:00:00Z"), in: Self.shanghai)
        var fired: [WallClockTime] = []
        var now = Self.instant("2026-12-31T16:00:00Z")
        // An hour at a time through 2027, as a poll loop would see it.
        while now < Self.instant("2027-12-31T16:00:00Z") {
            now.addTimeInterval(3600)
            let step = ScheduleStep.decide(
                recurrence: rule,
                zone: Self.shanghai,
                policy: .fireOnce,
                pending: pending,
                now: now
            )
            fired += step.fire
            pending = step.next
        }
        #expect(fired.count == 12 && Set(fired).count == 12)
        #expect(fired.first == Self.slot("2027-01-01", 9) && fired.last == Self.slot("2027-12-01", 9))
    }

    @Test func rulesReadAsTypedAndWriteBackTheSame() throws {
        for text in [
            "daily 09:00", "weekly 1 08:30", "monthly 1 09:00", "monthly last 18:00", "quarterly 15 09:00",
            "yearly 07-01 09:00", "once 2026-12-01 09:00", "cron 0 9 1 * *",
        ] {
            #expect(try Recurrence.parse(text).text == text)
        }
        #expect(try Recurrence.parse("monthly 1 9:05").label == "每月 1 日 09:05")
        #expect(try Recurrence.parse("quarterly 0 09:00").label == "每季度最后一天 09:00")
        for bad in [
            "", "monthly", "monthly 0 09:00", "weekly 8 09:00", "daily 24:00", "yearly 02-30 09:00", "hourly 5",
        ] {
            #expect(throws: DomainError.self) { try Recurrence.parse(bad) }
        }
        #expect(try MisfirePolicy.parse("replay:3") == .replay(cap: 3))
        #expect(throws: DomainError.self) { try MisfirePolicy.parse("replay:101") }
    }
}
