import Foundation

/// What becomes of one attendance row: the new status, reason and confirmation time.
package struct AttendanceDecision: Sendable, Equatable {
    /// The new status.
    package var status: AttendanceStatus
    /// The leave reason (only with `leave`).
    package var reason: String?
    /// When participation was confirmed, kept or set.
    package var confirmedAt: Date?

    /// Creates the decision.
    package init(status: AttendanceStatus, reason: String? = nil, confirmedAt: Date?) {
        self.status = status
        self.reason = reason
        self.confirmedAt = confirmedAt
    }
}

/// The rules of attendance: members confirm (sign up, or confirm afterwards that they took part) and ask leave;
/// administrators record the same on a member's behalf, and presence. Each returns nil when nothing changes.
package enum AttendanceRules {
    /// How long before the planned start presence may be recorded (signing in at the door).
    package static let checkInLead: TimeInterval = 3600

    /// A member confirms taking part. Before the activity, signing up (until the sign-up deadline, unless an
    /// administrator does it for them); afterwards, confirming a presence the record shows.
    package static func confirm(
        _ activity: Activity,
        _ row: ActivityAttendance,
        now: Date,
        onBehalf: Bool = false
    ) throws(DomainError) -> AttendanceDecision? {
        switch activity.state {
        case .cancelled:
            throw ActivityLifecycle.closed(activity, action: "确认参加")
        case .planned:
            if !onBehalf, let deadline = activity.signupDeadline, now > deadline {
                throw DomainError(
                    .rule,
                    reason: "activity.signup_closed",
                    field: "activity",
                    message: "活动 \(activity.id) 报名已截止"
                )
            }
            switch row.status {
            case .signedUp, .present:
                return row.confirmedAt == nil ? AttendanceDecision(status: row.status, confirmedAt: now) : nil
            case .invited, .leave, .absent:
                return AttendanceDecision(status: .signedUp, confirmedAt: now)
            }
        case .held, .published:
            guard row.status == .present else {
                throw DomainError(
                    .rule,
                    reason: "activity.not_present",
                    field: "activity",
                    message: "活动 \(activity.id) 的记录中\(row.memberName)为\(row.status.label)，不能确认参加；如记录有误请联系管理员"
                )
            }
            return row.confirmedAt == nil ? AttendanceDecision(status: .present, confirmedAt: now) : nil
        }
    }

    /// A member asks leave, with a reason: only before the activity starts (an administrator may also record
    /// a leave afterwards). Asking leave withdraws a sign-up.
    package static func leave(
        _ activity: Activity,
        _ row: ActivityAttendance,
        reason: String,
        now: Date,
        onBehalf: Bool = false
    ) throws(DomainError) -> AttendanceDecision? {
        let reason = try ActivityLifecycle.line(reason, field: "reason", label: "请假原因", required: true)
        switch activity.state {
        case .cancelled:
            throw ActivityLifecycle.closed(activity, action: "请假")
        case .planned:
            guard onBehalf || now < activity.plannedAt else {
                throw DomainError(
                    .rule,
                    reason: "activity.started",
                    field: "activity",
                    message: "活动 \(activity.id) 已开始，不能再请假；请联系管理员登记"
                )
            }
        case .held, .published:
            guard onBehalf else {
                throw DomainError(
                    .rule,
                    reason: "activity.already_held",
                    field: "activity",
                    message: "活动 \(activity.id) 已召开，不能再请假"
                )
            }
        }
        guard row.status != .leave || row.reason != reason else { return nil }
        return AttendanceDecision(status: .leave, reason: reason, confirmedAt: nil)
    }

    /// An administrator records presence or absence: from an hour before the planned start, or after the
    /// activity was recorded (a correction). A confirmation already given is kept.
    package static func mark(
        _ activity: Activity,
        _ row: ActivityAttendance,
        present: Bool,
        now: Date
    ) throws(DomainError) -> AttendanceDecision? {
        switch activity.state {
        case .cancelled:
            throw ActivityLifecycle.closed(activity, action: "登记出席情况")
        case .planned:
            guard now >= activity.plannedAt.addingTimeInterval(-checkInLead) else {
                throw DomainError(
                    .rule,
                    reason: "activity.not_started",
                    field: "activity",
                    message: "活动 \(activity.id) 尚未开始，出席与缺席在活动开始前一小时起才能登记"
                )
            }
        case .held, .published:
            break
        }
        let status: AttendanceStatus = present ? .present : .absent
        guard row.status != status else { return nil }
        return AttendanceDecision(status: status, confirmedAt: row.confirmedAt)
    }

    /// The decision for an administrator's `action` on a member's behalf.
    package static func onBehalf(
        _ action: AttendanceAction,
        _ activity: Activity,
        _ row: ActivityAttendance,
        reason: String?,
        now: Date
    ) throws(DomainError) -> AttendanceDecision? {
        switch action {
        case .confirmed: try confirm(activity, row, now: now, onBehalf: true)
        case .leave: try leave(activity, row, reason: reason ?? "", now: now, onBehalf: true)
        case .present: try mark(activity, row, present: true, now: now)
        case .absent: try mark(activity, row, present: false, now: now)
        }
    }

    /// Refuses a 支委会 whose attendance lacks a quorum: more than half of the committee must be present.
    package static func requireQuorum(_ kind: ActivityKind, _ counts: ActivityCounts) throws(DomainError) {
        guard kind.needsQuorum, !counts.hasQuorum else { return }
        throw DomainError(
            .rule,
            reason: "activity.no_quorum",
            field: "present",
            message: "\(kind.rawValue)应到 \(counts.expected) 人、实到 \(counts.present) 人，未超过半数，会议无效；请改期或取消"
        )
    }

    /// Whether a member's attendance earns points: present, and participation confirmed.
    package static func earnsPoints(_ row: ActivityAttendance) -> Bool {
        row.status == .present && row.confirmedAt != nil
    }

    /// The statuses a record sets: the members named present are present, those named with a leave reason on
    /// leave, and every other invitee absent. Each member may be named once; every one named must be invited.
    package static func recorded(
        _ rows: [ActivityAttendance],
        present: Set<Int64>,
        leave: [Int64: String]
    ) throws(DomainError) -> [Int64: AttendanceDecision] {
        let invited = Set(rows.map(\.memberID))
        if let both = present.intersection(leave.keys).first {
            let name = rows.first { $0.memberID == both }?.memberName ?? String(both)
            throw DomainError.invalid("leave", "\(name)不能既出席又请假", reason: "activity.attendance_conflict")
        }
        if let stranger = present.union(leave.keys).subtracting(invited).first {
            throw DomainError.invalid("present", "党员 \(stranger) 未受邀参加此活动", reason: "activity.not_invited")
        }
        var decisions: [Int64: AttendanceDecision] = [:]
        for row in rows {
            if present.contains(row.memberID) {
                decisions[row.memberID] = AttendanceDecision(status: .present, confirmedAt: row.confirmedAt)
            } else if let text = leave[row.memberID] {
                let reason = try ActivityLifecycle.line(text, field: "leave", label: "请假原因", required: true)
                decisions[row.memberID] = AttendanceDecision(status: .leave, reason: reason, confirmedAt: nil)
            } else if row.status == .leave {
                decisions[row.memberID] = AttendanceDecision(status: .leave, reason: row.reason, confirmedAt: nil)
            } else {
                decisions[row.memberID] = AttendanceDecision(status: .absent, confirmedAt: row.confirmedAt)
            }
        }
        return decisions
    }
}
