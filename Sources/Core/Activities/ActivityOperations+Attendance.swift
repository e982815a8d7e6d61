import Domain
import Foundation
import Store

/// Attendance: members confirm taking part or ask leave themselves (through a member account at the console,
/// or their personal link: a `.member` principal), and administrators record the same, or presence, on a member's
/// behalf. Every change keeps its time, channel and actor; a confirmed presence at a recorded activity earns the
/// kind's points, once.
extension PartyCore {
    /// `me.activities`: the activities the caller is invited to, newest first, each with their own attendance.
    package func myActivities(before: Int64?, limit: Int?, by principal: Principal) async throws -> [MyActivity] {
        let zone = timeZone
        return try await read(.meActivities, by: principal) { op in
            let memberID = try Self.requireOwnMember(op.caller)
            let limit = try Self.pageSize(limit, default: 50, in: 1...Self.maximumActivityPage)
            let found = try op.tx.memberActivities(memberID: memberID, before: before, limit: limit)
            let counts = try op.tx.attendanceCounts(of: found.map(\.0.id))
            return try found.map { activity, mine in
                try Self.myActivity(
                    activity,
                    mine,
                    counts: counts[activity.id] ?? ActivityCounts([]),
                    in: op.tx,
                    zone: zone
                )
            }
        }
    }

    /// `me.confirm`: the caller confirms taking part in activity `id`: before it, signing up (until the sign-up
    /// deadline); after it is recorded, confirming the presence the record shows, which earns the points.
    package func confirmActivity(_ id: Int64, by principal: Principal) async throws -> MyActivity {
        try await changeOwnAttendance(.meConfirm, id, by: principal) { activity, row, now in
            try AttendanceRules.confirm(activity, row, now: now)
        }
    }

    /// `me.leave`: the caller asks leave from activity `id`, before it starts, with a reason.
    package func askLeave(_ id: Int64, reason: String, by principal: Principal) async throws -> MyActivity {
        try await changeOwnAttendance(.meLeave, id, by: principal) { activity, row, now in
            try AttendanceRules.leave(activity, row, reason: reason, now: now)
        }
    }

    /// `activity.attend`: an administrator records a member's attendance on their behalf: confirmed, leave (with
    /// a reason), present or absent. A 支委会 already recorded keeps its quorum.
    package func attendActivity(
        _ id: Int64,
        member reference: String,
        as actionText: String,
        reason: String?,
        by principal: Principal
    ) async throws -> ActivityView {
        let zone = timeZone
        let settings = activities
        let targets: [ScopeTarget] = [
            .activity(id: id, field: "activity"), .member(reference: reference, field: "member"),
        ]
        return try await write(.activityAttend, by: principal, targets: targets) { op in
            let action = try AttendanceAction.parse(actionText)
            let activity = try Self.requireActivity(id, in: op.tx)
            let member = try MemberLookup.require(reference, field: "member", in: op.tx)
            guard let row = try op.tx.attendance(of: id, memberID: member.id) else {
                throw DomainError.invalid("member", "\(member.name)未受邀参加活动 \(id)", reason: "activity.not_invited")
            }
            guard
                let decision = try AttendanceRules.onBehalf(action, activity, row, reason: reason, now: op.time.instant)
            else { return .unchanged(try Self.detailedView(activity, in: op.tx, zone: zone)) }
            var rows = try op.tx.attendance(of: id)
            if let index = rows.firstIndex(where: { $0.memberID == member.id }) {
                (rows[index].status, rows[index].reason, rows[index].confirmedAt) =
                    (decision.status, decision.reason, decision.confirmedAt)
            }
            if activity.state.tookPlace { try AttendanceRules.requireQuorum(activity.kind, ActivityCounts(rows)) }
            try op.tx.setAttendance(
                activityID: id,
                memberID: member.id,
                decision,
                channel: .onBehalf,
                actor: op.caller.userName
            )
            let granted = try Self.grantPoints(activity, rows, settings: settings, zone: zone, tx: op.tx)
            var summary = "代\(member.name)登记“\(activity.title)”：\(Self.describe(decision))"
            if granted > 0 { summary += "，获得积分 \(settings.points(for: activity.kind))" }
            return Change(
                try Self.detailedView(activity, in: op.tx, zone: zone),
                audit: op.audit(target: "活动 \(id)", orgID: activity.orgID, summary: summary)
            )
        }
    }

    /// Applies `decide` to the caller's own attendance at activity `id`; an activity the caller is not invited
    /// to is "not found", as one that does not exist. The channel is the personal link for a member's link and
    /// the console for a member account.
    private func changeOwnAttendance(
        _ operation: PartyOperation,
        _ id: Int64,
        by principal: Principal,
        decide: @Sendable @escaping (Activity, ActivityAttendance, Date) throws -> AttendanceDecision?
    ) async throws -> MyActivity {
        let zone = timeZone
        let settings = activities
        let channel: AttendanceChannel = if case .member = principal { .link } else { .console }
        return try await write(operation, by: principal) { op in
            try Self.changeOwnAttendance(op, id, channel: channel, settings: settings, zone: zone, decide: decide)
        }
    }

    /// The change to the caller's own attendance at activity `id` that `decide` makes, inside `op`'s
    /// transaction, through `channel`: shared by the console's `me.confirm`/`me.leave` and the member's link.
    static func changeOwnAttendance(
        _ op: Writing,
        _ id: Int64,
        channel: AttendanceChannel,
        settings: ActivitySettings,
        zone: TimeZone,
        decide: (Activity, ActivityAttendance, Date) throws -> AttendanceDecision?
    ) throws -> Change<MyActivity> {
        let memberID = try Self.requireOwnMember(op.caller)
        guard let activity = try op.tx.activity(id: id), let row = try op.tx.attendance(of: id, memberID: memberID)
        else {
            throw DomainError.notFound("activity", "您的活动中没有编号 \(id)", reason: "activity.not_found")
        }
        guard let decision = try decide(activity, row, op.time.instant) else {
            let counts = ActivityCounts(try op.tx.attendance(of: id))
            return .unchanged(try Self.myActivity(activity, row, counts: counts, in: op.tx, zone: zone))
        }
        try op.tx.setAttendance(
            activityID: id,
            memberID: memberID,
            decision,
            channel: channel,
            actor: op.caller.userName
        )
        let rows = try op.tx.attendance(of: id)
        let granted = try Self.grantPoints(activity, rows, settings: settings, zone: zone, tx: op.tx)
        let mine = rows.first { $0.memberID == memberID } ?? row
        var summary = "\(row.memberName)\(Self.describe(decision))“\(activity.title)”（\(channel.label)）"
        if granted > 0 { summary += "，获得积分 \(settings.points(for: activity.kind))" }
        return Change(
            try Self.myActivity(activity, mine, counts: ActivityCounts(rows), in: op.tx, zone: zone),
            audit: op.audit(target: "活动 \(id)", orgID: activity.orgID, summary: summary)
        )
    }

    /// Grants the kind's points to every attendance in `rows` that earns them (present and confirmed) at an
    /// activity that took place, once each, counted in the year it was held; returns how many were granted now.
    static func grantPoints(
        _ activity: Activity,
        _ rows: [ActivityAttendance],
        settings: ActivitySettings,
        zone: TimeZone,
        tx: any StoreWriter
    ) throws -> Int {
        guard activity.state.tookPlace, let heldAt = activity.record?.heldAt else { return 0 }
        let already = try tx.pointsGranted(activityID: activity.id)
        let year = LocalDate.of(heldAt, in: zone).year
        var granted = 0
        for row in rows where AttendanceRules.earnsPoints(row) && already[row.memberID] == nil {
            try tx.grantPoints(
                activityID: activity.id,
                memberID: row.memberID,
                year: year,
                points: settings.points(for: activity.kind)
            )
            granted += 1
        }
        return granted
    }

    /// A member's own entry: the activity without others' attendance, and theirs.
    static func myActivity(
        _ activity: Activity,
        _ mine: ActivityAttendance,
        counts: ActivityCounts,
        in tx: any StoreReader,
        zone: TimeZone
    ) throws -> MyActivity {
        let org = try organization(activity.orgID, in: tx)
        let points = try tx.pointsGranted(activityID: activity.id)[mine.memberID]
        let code = try tx.codes(of: [mine.orgID])[mine.orgID] ?? ""
        return MyActivity(
            activity: activityView(activity, org: org, counts: counts, zone: zone),
            mine: attendanceView(mine, orgCode: code, points: points, zone: zone)
        )
    }

    /// What a decision records, in Chinese, for the audit.
    private static func describe(_ decision: AttendanceDecision) -> String {
        switch decision.status {
        case .signedUp: "确认参加"
        case .leave: "请假（\(decision.reason ?? "")）"
        case .present: decision.confirmedAt == nil ? "出席" : "出席并确认参加"
        case .absent: "缺席"
        case .invited: "未回复"
        }
    }
}
