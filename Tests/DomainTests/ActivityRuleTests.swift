import Foundation
import Testing

@testable import Domain

/// The pure rules of organizational life: the state machine, attendance decisions, quorum and derived counts.
@Suite("Activity rules")
struct ActivityRuleTests {
    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!
    static let now = Date(timeIntervalSince1970: 1_795_399_200)  // 2026-11-23 10:00 in Shanghai.

    static func activity(
        _ state: ActivityState = .planned,
        kind: ActivityKind = .branchAssembly,
        at: Date = now.addingTimeInterval(86_400),
        deadline: Date? = nil
    ) -> Activity {
        Activity(
            id: 7,
            orgID: 1,
            kind: kind,
            title: "十二月支部党员大会",
            state: state,
            plannedAt: at,
            signupDeadline: deadline,
            createdBy: "root"
        )
    }

    static func row(_ id: Int64, _ status: AttendanceStatus = .invited, confirmed: Date? = nil) -> ActivityAttendance {
        ActivityAttendance(
            memberID: id,
            memberName: "党员\(id)",
            orgID: 1,
            status: status,
            reason: status == .leave ? "出差" : nil,
            confirmedAt: confirmed,
            changedAt: now,
            channel: .plan
        )
    }

    static func refused(_ reason: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void)
    {
        do {
            try body()
            Issue.record("expected \(reason)", sourceLocation: sourceLocation)
        } catch let error as DomainError {
            #expect(error.reason == reason, "\(error.message)", sourceLocation: sourceLocation)
            #expect(!error.message.isEmpty, sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func kindsParseTheirChineseNamesAndAliases() throws {
        #expect(try ActivityKind.parse("支委会") == .committeeMeeting)
        #expect(try ActivityKind.parse("支部大会") == .branchAssembly)
        #expect(try ActivityKind.parse(" Lecture ") == .partyLecture)
        Self.refused("activity.invalid_kind") { _ = try ActivityKind.parse("茶话会") }
        #expect(ActivityKind.committeeMeeting.invitesNamedOnly && ActivityKind.groupMeeting.invitesNamedOnly)
        #expect(!ActivityKind.themeDay.invitesNamedOnly)
    }

    @Test func plannedActivitiesAreHeldOrCancelledAndOnlyHeldOnesPublished() throws {
        let planned = Self.activity()
        try ActivityLifecycle.record(planned, heldAt: Self.now.addingTimeInterval(-3600), now: Self.now)
        Self.refused("activity.held_in_future") {
            try ActivityLifecycle.record(planned, heldAt: Self.now.addingTimeInterval(3600), now: Self.now)
        }
        Self.refused("activity.already_held") {
            try ActivityLifecycle.record(Self.activity(.held), heldAt: Self.now, now: Self.now)
        }
        Self.refused("activity.cancelled") {
            try ActivityLifecycle.record(Self.activity(.cancelled), heldAt: Self.now, now: Self.now)
        }
        #expect(try ActivityLifecycle.cancel(planned, reason: "  台风停课 ") == "台风停课")
        Self.refused("empty_reason") { _ = try ActivityLifecycle.cancel(planned, reason: " ") }
        Self.refused("activity.already_held") { _ = try ActivityLifecycle.cancel(Self.activity(.held), reason: "x") }
        try ActivityLifecycle.publish(Self.activity(.held))
        Self.refused("activity.not_held") { try ActivityLifecycle.publish(planned) }
        Self.refused("activity.already_published") { try ActivityLifecycle.publish(Self.activity(.published)) }
        Self.refused("activity.cancelled") { try ActivityLifecycle.requireOpen(Self.activity(.cancelled), action: "x") }
    }

    @Test func plansStayWithinAYearAndDeadlinesPrecedeTheStart() throws {
        let at = Self.now.addingTimeInterval(7 * 86_400)
        try ActivityLifecycle.plan(plannedAt: at, signupDeadline: at.addingTimeInterval(-86_400), now: Self.now)
        Self.refused("date_order") {
            try ActivityLifecycle.plan(plannedAt: at, signupDeadline: at.addingTimeInterval(60), now: Self.now)
        }
        Self.refused("date_in_past") {
            try ActivityLifecycle.plan(
                plannedAt: at,
                signupDeadline: Self.now.addingTimeInterval(-86_400),
                now: Self.now
            )
        }
        Self.refused("activity.time_out_of_range") {
            try ActivityLifecycle.plan(
                plannedAt: Self.now.addingTimeInterval(400 * 86_400),
                signupDeadline: nil,
                now: Self.now
            )
        }
    }

    @Test func membersSignUpUntilTheDeadlineAndAskLeaveUntilTheStart() throws {
        let deadline = Self.now.addingTimeInterval(3600)
        let planned = Self.activity(deadline: deadline)
        let signedUp = try AttendanceRules.confirm(planned, Self.row(1), now: Self.now)
        #expect(signedUp == AttendanceDecision(status: .signedUp, confirmedAt: Self.now))
        #expect(try AttendanceRules.confirm(planned, Self.row(1, .signedUp, confirmed: Self.now), now: Self.now) == nil)
        let late = Self.now.addingTimeInterval(7200)
        Self.refused("activity.signup_closed") { _ = try AttendanceRules.confirm(planned, Self.row(1), now: late) }
        #expect(try AttendanceRules.confirm(planned, Self.row(1), now: late, onBehalf: true)?.status == .signedUp)

        let leave = try AttendanceRules.leave(
            planned,
            Self.row(1, .signedUp, confirmed: Self.now),
            reason: "出差",
            now: Self.now
        )
        #expect(leave == AttendanceDecision(status: .leave, reason: "出差", confirmedAt: nil))
        Self.refused("empty_reason") { _ = try AttendanceRules.leave(planned, Self.row(1), reason: "", now: Self.now) }
        let started = planned.plannedAt.addingTimeInterval(60)
        Self.refused("activity.started") {
            _ = try AttendanceRules.leave(planned, Self.row(1), reason: "病", now: started)
        }
        Self.refused("activity.cancelled") {
            _ = try AttendanceRules.confirm(Self.activity(.cancelled), Self.row(1), now: Self.now)
        }
    }

    @Test func afterTheRecordOnlyThosePresentConfirmAndEarnPoints() throws {
        let held = Self.activity(.held)
        let decision = try AttendanceRules.confirm(held, Self.row(1, .present), now: Self.now)
        #expect(decision == AttendanceDecision(status: .present, confirmedAt: Self.now))
        Self.refused("activity.not_present") {
            _ = try AttendanceRules.confirm(held, Self.row(2, .absent), now: Self.now)
        }
        Self.refused("activity.already_held") {
            _ = try AttendanceRules.leave(held, Self.row(2), reason: "病", now: Self.now)
        }
        #expect(
            try AttendanceRules.leave(held, Self.row(2), reason: "病", now: Self.now, onBehalf: true)?.status == .leave
        )
        #expect(AttendanceRules.earnsPoints(Self.row(1, .present, confirmed: Self.now)))
        #expect(!AttendanceRules.earnsPoints(Self.row(1, .present)))
        #expect(!AttendanceRules.earnsPoints(Self.row(1, .absent, confirmed: Self.now)))
    }

    @Test func presenceIsMarkedFromAnHourBeforeTheStart() throws {
        let planned = Self.activity(at: Self.now.addingTimeInterval(1800))
        #expect(try AttendanceRules.mark(planned, Self.row(1), present: true, now: Self.now)?.status == .present)
        let later = Self.activity(at: Self.now.addingTimeInterval(7200))
        Self.refused("activity.not_started") {
            _ = try AttendanceRules.mark(later, Self.row(1), present: true, now: Self.now)
        }
        let kept = try AttendanceRules.mark(
            Self.activity(.held),
            Self.row(1, .present, confirmed: Self.now),
            present: false,
            now: Self.now
        )
        #expect(kept == AttendanceDecision(status: .absent, confirmedAt: Self.now))
    }

    @Test func theRecordDerivesEveryStatusAndTheCounts() throws {
        let rows = [
            Self.row(1, .signedUp, confirmed: Self.now), Self.row(2), Self.row(3, .leave), Self.row(4), Self.row(5),
        ]
        let decided = try AttendanceRules.recorded(rows, present: [1, 2, 5], leave: [4: "住院"])
        #expect(decided[1] == AttendanceDecision(status: .present, confirmedAt: Self.now))
        #expect(decided[3]?.status == .leave && decided[3]?.reason == "出差")
        #expect(decided[4] == AttendanceDecision(status: .leave, reason: "住院", confirmedAt: nil))
        let after = rows.map { row in
            var row = row
            row.status = decided[row.memberID]!.status
            return row
        }
        let counts = ActivityCounts(after)
        #expect(counts.expected == 5 && counts.present == 3 && counts.leave == 2 && counts.absent == 0)
        Self.refused("activity.not_invited") { _ = try AttendanceRules.recorded(rows, present: [9], leave: [:]) }
        Self.refused("activity.attendance_conflict") {
            _ = try AttendanceRules.recorded(rows, present: [1], leave: [1: "x"])
        }
        let absent = try AttendanceRules.recorded(rows, present: [], leave: [:])
        #expect(absent[2]?.status == .absent && absent[3]?.status == .leave)
    }

    @Test func aCommitteeMeetingNeedsMoreThanHalfPresent() throws {
        func counts(_ present: Int, of total: Int) -> ActivityCounts {
            ActivityCounts((0..<total).map { Self.row(Int64($0), $0 < present ? .present : .absent) })
        }
        try AttendanceRules.requireQuorum(.committeeMeeting, counts(3, of: 5))
        try AttendanceRules.requireQuorum(.committeeMeeting, counts(3, of: 4))
        Self.refused("activity.no_quorum") { try AttendanceRules.requireQuorum(.committeeMeeting, counts(2, of: 4)) }
        Self.refused("activity.no_quorum") { try AttendanceRules.requireQuorum(.committeeMeeting, counts(0, of: 1)) }
        try AttendanceRules.requireQuorum(.branchAssembly, counts(1, of: 5))
    }

    @Test func attendanceActionsAndSettingsParse() throws {
        #expect(try AttendanceAction.parse("请假") == .leave)
        #expect(try AttendanceAction.parse("Present") == .present)
        Self.refused("activity.invalid_attendance") { _ = try AttendanceAction.parse("迟到") }
        let points = try ActivitySettings.overrides("支委会=3，党课 = 4", key: "activityPoints") {
            value throws(DomainError) in
            Int(value) ?? 0
        }
        #expect(points == [.committeeMeeting: 3, .partyLecture: 4])
        Self.refused("invalid_setting") {
            _ = try ActivitySettings.overrides("支委会", key: "activityPoints") { value throws(DomainError) in value }
        }
        #expect(ActivitySettings.standard.points(for: .lifeMeeting) == 3)
    }
}
