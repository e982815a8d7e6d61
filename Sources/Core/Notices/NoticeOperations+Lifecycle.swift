import Domain
import Foundation
import Store

/// A notice after it is posted: a scheduled one edited, cancelled, or released by the daemon when its time
/// comes; a published one retracted.
extension PartyCore {
    /// The most scheduled notices released in one call; the rest wait for the next.
    static let releaseBatch = 20

    /// `notice.edit`: changes a scheduled notice before it goes out. A new time already come releases it at once.
    package func editNotice(_ fields: NoticeEditFields, by principal: Principal) async throws -> NoticeView {
        let zone = timeZone
        let id = fields.notice
        defer { outboxSignal.ring() }
        return try await write(.noticeEdit, by: principal, targets: [.notice(id: id, field: "notice")]) { op in
            let stored = try Self.requireNotice(id, in: op.tx)
            try NoticeLifecycle.requireScheduled(stored, action: "修改")
            var notice = stored
            if let title = fields.title { notice.title = title.trimmedWhitespace }
            if let body = fields.body { notice.body = body }
            if let text = fields.priority?.nonBlank { notice.priority = try NoticeRules.parsePriority(text) }
            if let ackRequired = fields.ackRequired {
                notice.ackRequired = ackRequired
                if !ackRequired { notice.ackDeadline = nil }
            }
            if let text = fields.ackDeadline {
                notice.ackDeadline = try text.nonBlank.map { text throws(DomainError) in
                    try LocalDate.parse(text, field: "ackDeadline", label: "确认期限")
                }
            }
            if let text = fields.expiresOn {
                notice.expiresOn = try text.nonBlank.map { text throws(DomainError) in
                    try LocalDate.parse(text, field: "expiresOn", label: "有效期至")
                }
            }
            var releaseNow = false
            if let text = fields.at?.nonBlank {
                let requested = try LocalDateTime.parse(text, in: zone, field: "at", label: "发布时间")
                let at = try NoticeLifecycle.publishTime(requested: requested, now: op.time.instant)
                notice.publishedAt = at ?? op.time.instant
                releaseNow = at == nil
            }
            if !notice.addressees.includesMembers, notice.ackRequired {
                throw DomainError.invalid("ackRequired", "只发给管理员的通知不能要求党员确认", reason: "audience_conflict")
            }
            try NoticeRules.validate(
                title: notice.title,
                body: notice.body,
                ackRequired: notice.ackRequired,
                ackDeadline: notice.ackDeadline,
                expiresOn: notice.expiresOn,
                today: LocalDate.of(notice.publishedAt, in: zone)
            )
            guard notice != stored else {
                return .unchanged(Self.view(notice, org: try Self.organization(notice.orgID, in: op.tx), zone: zone))
            }
            try op.tx.updateScheduledNotice(notice)
            let org = try Self.organization(notice.orgID, in: op.tx)
            if releaseNow { notice = try op.tx.releaseNotice(notice, orgPath: org.path) }
            let view = Self.view(notice, org: org, zone: zone)
            let summary =
                releaseNow
                ? "修改并立即发布“\(view.title)”，共 \(notice.recipientCount) 人"
                : "修改待发布的“\(view.title)”（\(Self.changedParts(stored, notice).joined(separator: "、"))），定于 \(view.publishedAt)"
            return Change(view, audit: op.audit(target: "通知 \(id)", orgID: notice.orgID, summary: summary))
        }
    }

    /// `notice.cancel`: cancels a scheduled notice; no one is told.
    package func cancelNotice(_ id: Int64, by principal: Principal) async throws -> NoticeView {
        let zone = timeZone
        return try await write(.noticeCancel, by: principal, targets: [.notice(id: id, field: "notice")]) { op in
            var notice = try Self.requireNotice(id, in: op.tx)
            try NoticeLifecycle.requireScheduled(notice, action: "取消")
            try op.tx.cancelScheduledNotice(id)
            notice.state = .cancelled
            let view = Self.view(notice, org: try Self.organization(notice.orgID, in: op.tx), zone: zone)
            return Change(
                view,
                audit: op.audit(target: "通知 \(id)", orgID: notice.orgID, summary: "取消待发布的“\(view.title)”")
            )
        }
    }

    /// `notice.retract`: withdraws a published notice: it leaves members' inboxes, its undelivered messages are
    /// dropped, and the groups that received it are told it was withdrawn and why.
    package func retractNotice(_ id: Int64, reason: String, by principal: Principal) async throws -> NoticeView {
        let zone = timeZone
        defer { outboxSignal.ring() }
        return try await write(.noticeRetract, by: principal, targets: [.notice(id: id, field: "notice")]) { op in
            let stored = try Self.requireNotice(id, in: op.tx)
            let reason = try NoticeLifecycle.retract(stored, reason: reason)
            let outcome = try op.tx.retractNotice(id, reason: reason)
            let notice = try Self.requireNotice(id, in: op.tx)
            let view = Self.view(notice, org: try Self.organization(notice.orgID, in: op.tx), zone: zone)
            return Change(
                view,
                audit: op.audit(
                    target: "通知 \(id)",
                    orgID: notice.orgID,
                    summary: "撤回“\(view.title)”：\(reason)；未送出的 \(outcome.dropped) 条不再投递，向 \(outcome.announced) 个群发出撤回说明"
                )
            )
        }
    }

    /// Releases the scheduled notices whose time has come, each in its own transaction, as the daemon; returns
    /// how many went out. A notice whose organization has since been revoked is cancelled, with the reason in the
    /// audit, rather than sent in the name of an organization that no longer exists.
    @discardableResult
    package func releaseScheduledNotices() async throws -> Int {
        let now = clock.now()
        let due = try await read(.noticeRelease, by: .daemon) { op in
            try op.tx.scheduledNotices(dueBy: now, limit: Self.releaseBatch).map(\.id)
        }
        var released = 0
        for id in due {
            let published = try await write(.noticeRelease, by: .daemon) { op in
                var notice = try Self.requireNotice(id, in: op.tx)
                guard NoticeLifecycle.isDue(notice, now: op.time.instant) else { return .unchanged(false) }
                let org = try Self.organization(notice.orgID, in: op.tx)
                guard org.isActive else {
                    try op.tx.cancelScheduledNotice(id)
                    return Change(
                        false,
                        audit: op.audit(
                            target: "通知 \(id)",
                            orgID: org.id,
                            summary: "定时通知“\(notice.title)”未发布：\(org.name)已撤销"
                        )
                    )
                }
                notice = try op.tx.releaseNotice(notice, orgPath: org.path)
                return Change(
                    true,
                    audit: op.audit(
                        target: "通知 \(id)",
                        orgID: org.id,
                        summary: "按计划发布“\(notice.title)”（\(notice.author) 定时），共 \(notice.recipientCount) 人"
                    )
                )
            }
            if published { released += 1 }
        }
        if released > 0 { outboxSignal.ring() }
        return released
    }

    /// The names of the fields that differ between two versions of a scheduled notice, for the audit.
    private static func changedParts(_ old: Notice, _ new: Notice) -> [String] {
        var parts: [String] = []
        if old.title != new.title { parts.append("标题") }
        if old.body != new.body { parts.append("正文") }
        if old.priority != new.priority { parts.append("优先级") }
        if old.publishedAt != new.publishedAt { parts.append("发布时间") }
        if old.ackRequired != new.ackRequired || old.ackDeadline != new.ackDeadline { parts.append("确认要求") }
        if old.expiresOn != new.expiresOn { parts.append("有效期") }
        return parts
    }
}
