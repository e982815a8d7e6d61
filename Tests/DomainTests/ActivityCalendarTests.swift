import Foundation
import Testing

@testable import Domain

/// Working days by the shipped holiday calendar, the lateness of records, and compliance by period.
@Suite("Activity calendar and compliance")
struct ActivityCalendarTests {
    /// The calendar shipped in `etc/holidays.json`.
    static func shipped() throws -> WorkingCalendar {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try WorkingCalendar.parse(try Data(contentsOf: root.appendingPathComponent("etc/holidays.json")))
    }

    static func day(_ text: String) -> LocalDate { LocalDate(text)! }

    @Test func weekdaysAreReckonedFromTheEpoch() {
        #expect(WorkingCalendar.weekday(Self.day("2026-11-23")) == 1)  // Monday.
        #expect(WorkingCalendar.weekday(Self.day("2026-10-10")) == 6)  // Saturday.
        #expect(WorkingCalendar.weekday(Self.day("1970-01-01")) == 4)  // Thursday.
        #expect(WorkingCalendar.weekday(Self.day("1969-12-28")) == 7)  // Sunday.
    }

    @Test func theShippedCalendarKnowsHolidaysAndWorkingWeekends() throws {
        let calendar = try Self.shipped()
        #expect(!calendar.isWorkingDay(Self.day("2026-10-05")))  // 国庆, a Monday.
        #expect(calendar.isWorkingDay(Self.day("2026-10-10")))  // 调休, a Saturday.
        #expect(calendar.isWorkingDay(Self.day("2026-09-20")))  // 调休, a Sunday.
        #expect(!calendar.isWorkingDay(Self.day("2026-02-16")))  // 春节.
        #expect(!calendar.isWorkingDay(Self.day("2026-11-22")))  // an ordinary Sunday.
        #expect(!calendar.isProvisional(2026) && calendar.isProvisional(2027) && calendar.isProvisional(2028))
        #expect(!calendar.isWorkingDay(Self.day("2027-02-08")))
    }

    @Test func recordsAreDueThreeWorkingDaysLaterAndLateAfterThat() throws {
        let calendar = try Self.shipped()
        // Held the day before 国庆: 10-08, 10-09 and the Saturday 10-10 worked instead.
        let due = ActivityLifecycle.dueDate(heldOn: Self.day("2026-09-30"), workingDays: 3, calendar: calendar)
        #expect(due == Self.day("2026-10-10"))
        #expect(
            !ActivityLifecycle.isLate(
                heldOn: Self.day("2026-09-30"),
                recordedOn: due,
                workingDays: 3,
                calendar: calendar
            )
        )
        #expect(
            ActivityLifecycle.isLate(
                heldOn: Self.day("2026-09-30"),
                recordedOn: Self.day("2026-10-11"),
                workingDays: 3,
                calendar: calendar
            )
        )
        // A Friday before the Sunday worked: 09-20 (Sunday), 09-21, 09-22.
        #expect(
            ActivityLifecycle.dueDate(heldOn: Self.day("2026-09-18"), workingDays: 3, calendar: calendar)
                == Self.day("2026-09-22")
        )
        // Weekends only: a Friday's record is due on Wednesday.
        #expect(
            ActivityLifecycle.dueDate(heldOn: Self.day("2026-11-20"), workingDays: 3, calendar: .weekendsOnly)
                == Self.day("2026-11-25")
        )
    }

    @Test func aBrokenCalendarFileIsRefused() {
        let bad = [
            #"{"years": [{"year": 2026, "status": "official", "holidays": [{"name": "x", "from": "2026-02-03", "to": "2026-02-01"}], "workdays": []}]}"#,
            #"{"years": [{"year": 2026, "status": "official", "holidays": [{"name": "x", "from": "2026-02-01", "to": "2026-02-01"}], "workdays": [{"date": "2026-02-01"}]}]}"#,
            #"{"years": [{"year": 2026, "status": "maybe", "holidays": [], "workdays": []}]}"#,
            #"{"years": [{"year": 2026, "status": "official", "holidays": [], "workdays": [{"date": "2026-02-30"}]}]}"#,
        ]
        for text in bad {
            #expect(throws: DomainError.self) { try WorkingCalendar.parse(Data(text.utf8)) }
        }
    }

    @Test func periodsParseAndSplitIntoSlots() throws {
        let quarter = try CompliancePeriod.parse("2026Q4")
        #expect(quarter.start == Self.day("2026-10-01") && quarter.end == Self.day("2026-12-31"))
        #expect(quarter.slots(of: .monthly).map(\.description) == ["2026-10", "2026-11", "2026-12"])
        #expect(quarter.slots(of: .quarterly).map(\.description) == ["2026Q4"])
        #expect(quarter.slots(of: .yearly).isEmpty)
        let month = try CompliancePeriod.parse("2026-02")
        #expect(month.end == Self.day("2026-02-28") && month.description == "2026-02")
        #expect(try CompliancePeriod.parse("2026").slots(of: .quarterly).count == 4)
        for text in ["2026Q5", "2026-13", "26", "2026-1-1", "abc"] {
            #expect(throws: DomainError.self) { try CompliancePeriod.parse(text) }
        }
    }

    @Test func complianceSaysWhatIsHeldPlannedMissingOrNotYetDue() throws {
        let quarter = try CompliancePeriod.parse("2026Q4")
        let entries = [
            ActivityCompliance.Entry(id: 1, kind: .committeeMeeting, tookPlace: true, day: Self.day("2026-10-12")),
            ActivityCompliance.Entry(id: 2, kind: .committeeMeeting, tookPlace: false, day: Self.day("2026-11-30")),
            ActivityCompliance.Entry(id: 3, kind: .branchAssembly, tookPlace: true, day: Self.day("2026-11-02")),
        ]
        let verdicts = ActivityCompliance.judge(
            entries,
            period: quarter,
            cadence: ActivityCadence.standard,
            today: Self.day("2026-11-23")
        )
        func status(_ kind: ActivityKind, _ slot: String) -> ComplianceStatus? {
            verdicts.first { $0.kind == kind && $0.slot.description == slot }?.status
        }
        #expect(status(.committeeMeeting, "2026-10") == .held)
        #expect(status(.committeeMeeting, "2026-11") == .planned)
        #expect(status(.committeeMeeting, "2026-12") == .notDue)
        #expect(status(.themeDay, "2026-10") == .missing)
        #expect(status(.themeDay, "2026-11") == .pending)
        #expect(status(.branchAssembly, "2026Q4") == .held)
        #expect(status(.partyLecture, "2026Q4") == .pending)
        #expect(status(.lifeMeeting, "2026") == nil)  // Yearly: not judged in a quarter.
        #expect(!verdicts.contains { $0.kind == .other })
        #expect(verdicts.count == 3 * 3 + 2)
    }
}
