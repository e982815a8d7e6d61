import Domain
import Foundation
import Testing

/// When reminder scans run and when reminders go out: pure decisions on the time given.
@Suite("Reminder timing")
struct ReminderTimingTests {
    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!
    static let newYork = TimeZone(identifier: "America/New_York")!

    static func at(_ day: String, _ hour: Int, _ minute: Int = 0, _ zone: TimeZone = shanghai) -> Date {
        ReminderTiming.instant(LocalDate(day)!, minute: hour * 60 + minute, zone: zone)
    }

    static func reminder(
        audience: ReminderAudience = .admins,
        urgent: Bool = false,
        foundAt: Date,
        snoozedUntil: Date? = nil
    ) -> Reminder {
        Reminder(
            id: 1,
            finding: ReminderFinding(
                key: ReminderKey(rule: "r", subject: "s", dueOn: LocalDate("2026-12-01")!, stage: "soon"),
                orgID: audience == .system ? nil : 1,
                audience: audience,
                memberID: audience == .member ? 1 : nil,
                urgent: urgent,
                title: "t",
                line: "l"
            ),
            foundAt: foundAt,
            state: snoozedUntil == nil ? .pending : .snoozed,
            snoozedUntil: snoozedUntil
        )
    }

    @Test func theDailyScanRunsOnceADayAfterItsTimeAndAtOnceAfterDowntime() {
        let six = 6 * 60
        func due(_ last: String?, _ now: Date) -> Bool {
            ReminderTiming.scanIsDue(
                lastScanDay: last.flatMap(LocalDate.init),
                now: now,
                zone: Self.shanghai,
                scanMinute: six
            )
        }
        #expect(due(nil, Self.at("2026-11-23", 1)))
        #expect(!due("2026-11-23", Self.at("2026-11-23", 23)))
        #expect(!due("2026-11-22", Self.at("2026-11-23", 5, 59)))
        #expect(due("2026-11-22", Self.at("2026-11-23", 6)))
        // Down for days: at once, whatever the hour.
        #expect(due("2026-11-20", Self.at("2026-11-23", 1)))
        // The clock set back: no scan until the day after the last one.
        #expect(!due("2026-11-25", Self.at("2026-11-23", 12)))
    }

    @Test func anOrganizationsRemindersWaitForTheFirstDigestAfterTheyWereFound() {
        let digest = 8 * 60 + 30
        func due(_ reminder: Reminder, _ now: Date) -> Bool {
            ReminderTiming.isDue(reminder, now: now, zone: Self.shanghai, digestMinute: digest)
        }
        let found = Self.at("2026-11-23", 6)
        #expect(!due(Self.reminder(foundAt: found), Self.at("2026-11-23", 8, 29)))
        #expect(due(Self.reminder(foundAt: found), Self.at("2026-11-23", 8, 30)))
        // Found after today's digest: tomorrow's.
        let late = Self.at("2026-11-23", 9)
        #expect(!due(Self.reminder(foundAt: late), Self.at("2026-11-24", 8)))
        #expect(due(Self.reminder(foundAt: late), Self.at("2026-11-24", 8, 30)))
        // Urgent ones, members' own and the system's: at once.
        #expect(due(Self.reminder(urgent: true, foundAt: late), late))
        #expect(due(Self.reminder(audience: .member, foundAt: late), late))
        #expect(due(Self.reminder(audience: .system, foundAt: late), late))
        // Put off until the 28th: that day's digest.
        let snoozed = Self.reminder(foundAt: found, snoozedUntil: Self.at("2026-11-28", 0))
        #expect(!due(snoozed, Self.at("2026-11-27", 9)))
        #expect(!due(snoozed, Self.at("2026-11-28", 8)))
        #expect(due(snoozed, Self.at("2026-11-28", 8, 30)))
    }

    @Test func aDigestTimeTheClocksSkipHappensWhenTheyJumpAndARepeatedOneOnce() {
        // 2027-03-14 in New York: 02:00 → 03:00. A digest at 02:30 happens at the jump, 07:00 UTC.
        let spring = Self.at("2027-03-14", 2, 30, Self.newYork)
        #expect(spring == Date(timeIntervalSince1970: 1_805_007_600))
        // 2027-11-07: 01:00–02:00 happens twice; a digest at 01:30 happens at the first, 05:30 UTC.
        let fall = Self.at("2027-11-07", 1, 30, Self.newYork)
        #expect(fall == Date(timeIntervalSince1970: 1_825_565_400))
        let found = Self.at("2027-11-06", 9, 0, Self.newYork)
        let reminder = Self.reminder(foundAt: found)
        let digest = 90
        // Due from the first 01:30 on, and still once: the second 01:30 is not a new digest moment.
        #expect(
            !ReminderTiming.isDue(reminder, now: fall.addingTimeInterval(-60), zone: Self.newYork, digestMinute: digest)
        )
        #expect(ReminderTiming.isDue(reminder, now: fall, zone: Self.newYork, digestMinute: digest))
        #expect(
            ReminderTiming.lastDigest(before: fall.addingTimeInterval(3_600), zone: Self.newYork, digestMinute: digest)
                == fall
        )
    }

    @Test func settingsOverridesAreCheckedAgainstTheRulesDeclarations() throws {
        let rules = [
            ReminderRuleInfo(
                id: "probation-due",
                name: "预备党员到期",
                scans: "",
                tells: "",
                settings: [ReminderSetting("lead-days", "提前天数", default: 30, range: 1...90)]
            )
        ]
        #expect(
            try ReminderSettings.parseOverrides("probation-due.lead-days=45", rules: rules) == [
                "probation-due.lead-days": 45
            ]
        )
        #expect(try ReminderSettings.parseOverrides(" ", rules: rules).isEmpty)
        for bad in ["probation-due.lead-days=0", "probation-due.nope=3", "nope.lead-days=3", "probation-due=3", "x"] {
            #expect(throws: DomainError.self, "\(bad)") { try ReminderSettings.parseOverrides(bad, rules: rules) }
        }
        let settings = ReminderSettings(overrides: ["probation-due.lead-days": 45])
        #expect(settings.value(rules[0].settings[0], of: "probation-due") == 45)
        #expect(ReminderSettings.standard.value(rules[0].settings[0], of: "probation-due") == 30)
    }
}
