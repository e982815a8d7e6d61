import Foundation

/// The state machine of an activity: planned → held → published, or planned → cancelled. Each decision takes
/// the time as input; the core carries it out in one transaction.
package enum ActivityLifecycle {
    /// How far ahead (or, for a plan written after the fact, how far back) an activity may be planned.
    package static let maximumSpan: TimeInterval = 366 * 24 * 3600
    /// A held time this little ahead of the clock (the console's clock, typing) still counts as past.
    package static let clockTolerance: TimeInterval = 300
    /// The longest title, place, host or recorder and cancellation reason, in characters.
    package static let maxLineLength = 100
    /// The longest 议题, in characters.
    package static let maxThemeLength = 2000
    /// The longest minutes or decisions, in characters.
    package static let maxMinutesLength = 20_000

    /// Checks a plan at `now`: a time within a year either way, and a sign-up deadline not after the start and
    /// not already past.
    package static func plan(plannedAt: Date, signupDeadline: Date?, now: Date) throws(DomainError) {
        guard abs(plannedAt.timeIntervalSince(now)) <= maximumSpan else {
            throw DomainError.invalid("at", "活动时间须在一年之内", reason: "activity.time_out_of_range")
        }
        if let signupDeadline {
            guard signupDeadline <= plannedAt else {
                throw DomainError.invalid("signupDeadline", "报名截止时间不能晚于活动时间", reason: "date_order")
            }
            guard signupDeadline.addingTimeInterval(clockTolerance) >= now else {
                throw DomainError.invalid("signupDeadline", "报名截止时间已过", reason: "date_in_past")
            }
        }
    }

    /// Checks the recording of `activity` as held at `heldAt`, at `now`: only a planned activity, held no later
    /// than now.
    package static func record(_ activity: Activity, heldAt: Date, now: Date) throws(DomainError) {
        try requirePlanned(activity, action: "记录召开情况")
        guard heldAt <= now.addingTimeInterval(clockTolerance) else {
            throw DomainError.invalid("heldAt", "召开时间晚于现在，活动结束后再记录", reason: "activity.held_in_future")
        }
        guard now.timeIntervalSince(heldAt) <= maximumSpan else {
            throw DomainError.invalid("heldAt", "召开时间须在一年之内", reason: "activity.time_out_of_range")
        }
    }

    /// Decides a cancellation: only a planned activity, with a reason of one line. Returns the reason as kept.
    package static func cancel(_ activity: Activity, reason: String) throws(DomainError) -> String {
        let reason = try line(reason, field: "reason", label: "取消原因", required: true) ?? ""
        try requirePlanned(activity, action: "取消")
        return reason
    }

    /// Checks a publication: only a held activity, once.
    package static func publish(_ activity: Activity) throws(DomainError) {
        switch activity.state {
        case .held: return
        case .published:
            throw DomainError(
                .rule,
                reason: "activity.already_published",
                field: "activity",
                message: "活动 \(activity.id) 已发布"
            )
        case .planned:
            throw DomainError(
                .rule,
                reason: "activity.not_held",
                field: "activity",
                message: "活动 \(activity.id) 尚未记录召开情况，不能发布"
            )
        case .cancelled: throw closed(activity)
        }
    }

    /// Checks that files may still be attached: any activity but a cancelled one.
    package static func requireOpen(_ activity: Activity, action: String) throws(DomainError) {
        guard activity.state != .cancelled else { throw closed(activity, action: action) }
    }

    /// The day a record of an activity held on `heldOn` is due: `workingDays` working days after it.
    package static func dueDate(heldOn: LocalDate, workingDays: Int, calendar: WorkingCalendar) -> LocalDate {
        calendar.adding(workingDays: workingDays, after: heldOn)
    }

    /// Whether a record made on `recordedOn` for an activity held on `heldOn` is late.
    package static func isLate(
        heldOn: LocalDate,
        recordedOn: LocalDate,
        workingDays: Int,
        calendar: WorkingCalendar
    ) -> Bool {
        recordedOn > dueDate(heldOn: heldOn, workingDays: workingDays, calendar: calendar)
    }

    /// Checks that `activity` is still planned, or says why `action` cannot be done.
    package static func requirePlanned(_ activity: Activity, action: String) throws(DomainError) {
        switch activity.state {
        case .planned: return
        case .held, .published:
            throw DomainError(
                .rule,
                reason: "activity.already_held",
                field: "activity",
                message: "活动 \(activity.id) 已记录召开，不能\(action)"
            )
        case .cancelled: throw closed(activity, action: action)
        }
    }

    /// The refusal for a cancelled activity.
    package static func closed(_ activity: Activity, action: String? = nil) -> DomainError {
        DomainError(
            .rule,
            reason: "activity.cancelled",
            field: "activity",
            message: "活动 \(activity.id) 已取消" + (action.map { "，不能\($0)" } ?? "")
        )
    }

    /// A one-line text field trimmed (nil when blank and not required), or the refusal.
    package static func line(
        _ text: String?,
        field: String,
        label: String,
        required: Bool = false
    ) throws(DomainError) -> String? {
        guard let text = text?.trimmedWhitespace, !text.isEmpty else {
            if required { throw DomainError.invalid(field, "\(label)不能为空", reason: "empty_\(field)") }
            return nil
        }
        guard !MemberRules.exceeds(text, maxLineLength) else {
            throw DomainError.invalid(field, "\(label)过长（最多 \(maxLineLength) 字）", reason: "too_long")
        }
        try TextRules.validate(text, field: field, label: label, shape: .line)
        return text
    }

    /// A multi-line text field (nil when blank), or the refusal.
    package static func text(_ text: String?, field: String, label: String, limit: Int) throws(DomainError) -> String? {
        guard let text, !text.trimmedWhitespace.isEmpty else { return nil }
        guard !MemberRules.exceeds(text, limit) else {
            throw DomainError.invalid(field, "\(label)过长（最多 \(limit) 字）", reason: "too_long")
        }
        try TextRules.validate(text, field: field, label: label, shape: .multiline)
        return text
    }

    /// A duration in minutes: 1 to 24 hours.
    package static func duration(_ minutes: Int?) throws(DomainError) -> Int? {
        guard let minutes else { return nil }
        guard (1...1440).contains(minutes) else {
            throw DomainError.invalid("durationMinutes", "时长须在 1 到 1440 分钟之间", reason: "activity.invalid_duration")
        }
        return minutes
    }
}
