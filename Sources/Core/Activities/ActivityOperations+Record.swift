import Domain
import Foundation
import Store

/// An activity after its plan: recorded as held (attendance, minutes, quorum, lateness), cancelled when it did
/// not take place, given files, and published (optionally to the organization's feed as 工作动态).
extension PartyCore {
    /// `activity.record`: records a planned activity as held. Invitees named present are present, those named
    /// with a reason on leave, the rest absent (a leave asked beforehand stands); 应到 and 实到 follow from that.
    /// A 支委会 needs more than half present. A record made after its due day (working days after the activity,
    /// by the holiday calendar) is accepted and flagged late. Confirmed attendances earn their points now.
    package func recordActivity(_ fields: ActivityRecordFields, by principal: Principal) async throws -> ActivityView {
        let zone = timeZone
        let limits = attachments.limits
        let settings = activities
        let id = fields.activity
        let leave = fields.leave ?? []
        let targets: [ScopeTarget] =
            [.activity(id: id, field: "activity")] + fields.present.map { .member(reference: $0, field: "present") }
            + leave.map { .member(reference: $0.member, field: "leave") }
        return try await write(.activityRecord, by: principal, targets: targets) { op in
            var activity = try Self.requireActivity(id, in: op.tx)
            let heldAt = try LocalDateTime.parse(fields.heldAt, in: zone, field: "heldAt", label: "召开时间")
            try ActivityLifecycle.record(activity, heldAt: heldAt, now: op.time.instant)
            let duration = try ActivityLifecycle.duration(fields.durationMinutes)
            let minutes = try ActivityLifecycle.text(
                fields.minutes,
                field: "minutes",
                label: "会议记录",
                limit: ActivityLifecycle.maxMinutesLength
            )
            let decisions = try ActivityLifecycle.text(
                fields.decisions,
                field: "decisions",
                label: "决议",
                limit: ActivityLifecycle.maxMinutesLength
            )
            let present = Set(try fields.present.map { try MemberLookup.require($0, field: "present", in: op.tx).id })
            var leaveReasons: [Int64: String] = [:]
            for entry in leave {
                leaveReasons[try MemberLookup.require(entry.member, field: "leave", in: op.tx).id] = entry.reason
            }
            let rows = try op.tx.attendance(of: id)
            let decided = try AttendanceRules.recorded(rows, present: present, leave: leaveReasons)
            let after = rows.map { row in
                var row = row
                if let decision = decided[row.memberID] {
                    (row.status, row.reason, row.confirmedAt) = (decision.status, decision.reason, decision.confirmedAt)
                }
                return row
            }
            let counts = ActivityCounts(after)
            try AttendanceRules.requireQuorum(activity.kind, counts)
            for (before, row) in zip(rows, after)
            where before.status != row.status || before.reason != row.reason || before.confirmedAt != row.confirmedAt {
                try op.tx.setAttendance(
                    activityID: id,
                    memberID: row.memberID,
                    AttendanceDecision(status: row.status, reason: row.reason, confirmedAt: row.confirmedAt),
                    channel: .record,
                    actor: op.caller.userName
                )
            }
            let heldOn = LocalDate.of(heldAt, in: zone)
            let dueOn = ActivityLifecycle.dueDate(
                heldOn: heldOn,
                workingDays: settings.recordDueWorkingDays,
                calendar: settings.calendar
            )
            activity.state = .held
            activity.record = Activity.Record(
                heldAt: heldAt,
                durationMinutes: duration,
                minutes: minutes,
                decisions: decisions,
                recordedAt: op.time.instant,
                dueOn: dueOn,
                late: op.time.today > dueOn
            )
            try op.tx.updateActivity(activity)
            let files = try op.linkAttachments(fields.attachments ?? [], to: .activity(id), limits: limits, zone: zone)
            let granted = try Self.grantPoints(activity, after, settings: settings, zone: zone, tx: op.tx)
            let view = try Self.detailedView(activity, in: op.tx, zone: zone)
            var summary =
                "记录\(activity.kind.rawValue)“\(activity.title)”召开于 \(Self.displayTime(heldAt, zone: zone))：应到 \(counts.expected) 人，实到 \(counts.present) 人，请假 \(counts.leave) 人，缺席 \(counts.absent) 人"
            if activity.record?.late == true { summary += "；逾期记录（应于 \(dueOn) 前）" }
            if granted > 0 { summary += "；\(granted) 人获得积分" }
            if !files.isEmpty { summary += "；附件：" + files.map { "“\($0.name)”" }.joined(separator: "、") }
            return Change(view, audit: op.audit(target: "活动 \(id)", orgID: activity.orgID, summary: summary))
        }
    }

    /// `activity.cancel`: an activity that will not take place. Its invitation is withdrawn with the reason, so
    /// the invitees' inboxes drop it and the groups that received it are told.
    package func cancelActivity(_ id: Int64, reason: String, by principal: Principal) async throws -> ActivityView {
        defer { outboxSignal.ring() }
        let zone = timeZone
        return try await write(.activityCancel, by: principal, targets: [.activity(id: id, field: "activity")]) { op in
            var activity = try Self.requireActivity(id, in: op.tx)
            let reason = try ActivityLifecycle.cancel(activity, reason: reason)
            activity.state = .cancelled
            activity.cancellation = Activity.Cancellation(at: op.time.instant, reason: reason)
            try op.tx.updateActivity(activity)
            var summary = "取消\(activity.kind.rawValue)“\(activity.title)”：\(reason)"
            if let noticeID = activity.invitationNoticeID, try op.tx.notice(id: noticeID)?.state == .published {
                _ = try op.tx.retractNotice(noticeID, reason: "活动已取消：\(reason)")
                summary += "；撤回邀请通知 \(noticeID)"
            }
            let view = try Self.detailedView(activity, in: op.tx, zone: zone)
            return Change(view, audit: op.audit(target: "活动 \(id)", orgID: activity.orgID, summary: summary))
        }
    }

    /// `activity.publish`: publishes a held activity's record; with `feed`, also posts it to the organization's
    /// members as a 工作动态 notice (the counts, and `summary` when given; never the minutes).
    package func publishActivity(
        _ id: Int64,
        feed: Bool,
        summary text: String?,
        by principal: Principal
    ) async throws -> ActivityView {
        defer { outboxSignal.ring() }
        let zone = timeZone
        return try await write(.activityPublish, by: principal, targets: [.activity(id: id, field: "activity")]) { op in
            var activity = try Self.requireActivity(id, in: op.tx)
            try ActivityLifecycle.publish(activity)
            let extra = try ActivityLifecycle.text(
                text,
                field: "summary",
                label: "动态正文",
                limit: NoticeRules.maxBodyLength
            )
            activity.state = .published
            activity.publishedAt = op.time.instant
            var summary = "发布\(activity.kind.rawValue)“\(activity.title)”的记录"
            if feed {
                let org = try Self.organization(activity.orgID, in: op.tx)
                try OrgRules.requireActive(org, field: "activity")
                let counts = ActivityCounts(try op.tx.attendance(of: id))
                let notice = try Self.postFeed(activity, org: org, counts: counts, extra: extra, op: op)
                activity.feedNoticeID = notice.id
                summary += "，并作为工作动态发布（通知 \(notice.id)，\(notice.recipientCount) 人）"
            }
            try op.tx.updateActivity(activity)
            let view = try Self.detailedView(activity, in: op.tx, zone: zone)
            return Change(view, audit: op.audit(target: "活动 \(id)", orgID: activity.orgID, summary: summary))
        }
    }

    /// `activity.attach`: adds uploaded files to an activity that is not cancelled, up to the per-record limit.
    package func attachToActivity(
        _ id: Int64,
        _ refs: [AttachmentRef],
        by principal: Principal
    ) async throws -> [AttachmentView] {
        let zone = timeZone
        let limits = attachments.limits
        return try await write(.activityAttach, by: principal, targets: [.activity(id: id, field: "activity")]) { op in
            let activity = try Self.requireActivity(id, in: op.tx)
            try ActivityLifecycle.requireOpen(activity, action: "添加附件")
            let linked = try op.linkAttachments(refs, to: .activity(id), limits: limits, zone: zone)
            guard !linked.isEmpty else { return .unchanged(linked) }
            return Change(
                linked,
                audit: op.audit(
                    target: "活动 \(id)",
                    orgID: activity.orgID,
                    summary: "为活动“\(activity.title)”添加附件：" + linked.map { "“\($0.name)”" }.joined(separator: "、")
                )
            )
        }
    }

    /// Posts a held activity as 工作动态 to the members of its organization, released at once.
    private static func postFeed(
        _ activity: Activity,
        org: Organization,
        counts: ActivityCounts,
        extra: String?,
        op: Writing
    ) throws -> Notice {
        let heldAt = activity.record?.heldAt ?? activity.plannedAt
        var lines = [
            "\(org.name)于 \(displayTime(heldAt, zone: op.time.zone)) 召开\(activity.kind.rawValue)：\(activity.title)。"
        ]
        if let place = activity.place { lines.append("地点：\(place)") }
        lines.append("应到 \(counts.expected) 人，实到 \(counts.present) 人。")
        if let extra { lines += ["", extra] }
        let notice = Notice(
            id: 0,
            kind: .news,
            title: String(activity.title.prefix(NoticeRules.maxTitleLength)),
            body: lines.joined(separator: "\n"),
            orgID: org.id,
            subtree: false,
            category: nil,
            flag: nil,
            priority: .normal,
            author: op.caller.userName,
            publishedAt: op.time.instant,
            ackRequired: false,
            ackDeadline: nil,
            expiresOn: nil,
            recipientCount: 0
        )
        let created = try op.tx.createNotice(NewNotice(notice: notice, orgPath: org.path))
        return try op.tx.releaseNotice(created, orgPath: org.path)
    }
}
