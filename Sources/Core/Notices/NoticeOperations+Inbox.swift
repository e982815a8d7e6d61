import Domain
import Foundation
import Store

/// A member's own notices: the inbox, reading one, and acknowledging it. Each works for a member's account and
/// for a member's link alike; read and acknowledgement times are the proof that the notice reached them.
extension PartyCore {
    /// `me.inbox`: the notices addressed to the caller's member record, newest first.
    package func inbox(before: Int64?, limit: Int?, by principal: Principal) async throws -> [InboxEntry] {
        let zone = timeZone
        return try await read(.meInbox, by: principal) { op in
            let memberID = try Self.requireOwnMember(op.caller)
            let limit = try Self.pageSize(limit, default: 50, in: 1...Self.maximumNoticePage)
            return try op.tx.inbox(memberID: memberID, before: before, limit: limit).map { notice, state in
                Self.entry(notice, state, org: try Self.organization(notice.orgID, in: op.tx), zone: zone)
            }
        }
    }

    /// `me.read`: one notice of the caller's, marked read (the first time only).
    package func readNotice(_ id: Int64, by principal: Principal) async throws -> InboxEntry {
        try await recordOwn(.meRead, id, by: principal) { tx, notice, state, memberID in
            guard state.readAt == nil else { return false }
            try tx.markNoticeRead(notice.id, memberID: memberID, via: .console)
            return true
        }
    }

    /// `me.ack`: acknowledges one notice of the caller's that asks for it (reading it too).
    package func acknowledgeNotice(_ id: Int64, by principal: Principal) async throws -> InboxEntry {
        try await recordOwn(.meAck, id, by: principal) { tx, notice, state, memberID in
            guard try NoticeRules.mayAcknowledge(notice, alreadyAcknowledged: state.acknowledgedAt != nil) else {
                return false
            }
            try tx.markNoticeAcknowledged(notice.id, memberID: memberID, via: .console)
            return true
        }
    }

    /// Runs `mark` on the caller's own recipient row of notice `id` and returns the entry as it then stands;
    /// a notice not addressed to the caller is "not found", as one that does not exist.
    private func recordOwn(
        _ operation: PartyOperation,
        _ id: Int64,
        by principal: Principal,
        mark: @Sendable @escaping (any StoreWriter, Notice, NoticeRecipientState, Int64) throws -> Bool
    ) async throws -> InboxEntry {
        let zone = timeZone
        return try await write(operation, by: principal) { op in
            let memberID = try Self.requireOwnMember(op.caller)
            guard let notice = try op.tx.notice(id: id), let state = try op.tx.recipientState(id, memberID: memberID)
            else {
                throw DomainError.notFound("notice", "您的通知中没有编号 \(id)", reason: "notice.not_found")
            }
            guard notice.state == .published else {
                throw DomainError(.rule, reason: "notice.retracted", field: "notice", message: "通知 \(id) 已撤回")
            }
            let changed = try mark(op.tx, notice, state, memberID)
            let after = try op.tx.recipientState(id, memberID: memberID) ?? state
            var entry = Self.entry(notice, after, org: try Self.organization(notice.orgID, in: op.tx), zone: zone)
            entry.notice.attachments = try Self.attachmentViews(of: .notice(id), in: op.tx, zone: zone)
            guard changed else { return .unchanged(entry) }
            let done = operation == .meAck ? "确认" : "阅读"
            return Change(
                entry,
                audit: op.audit(
                    target: "通知 \(id)",
                    orgID: state.orgID,
                    summary: "\(state.memberName)已\(done)“\(notice.title)”"
                )
            )
        }
    }

    /// The member record of a member's account or link, or the refusal for other accounts.
    static func requireOwnMember(_ caller: Caller) throws(DomainError) -> Int64 {
        guard let memberID = caller.memberID else {
            throw DomainError(
                .rule,
                reason: "me.not_member",
                field: nil,
                message: "当前账户（\(caller.role?.label ?? "")）未绑定党员记录"
            )
        }
        return memberID
    }

    static func entry(_ notice: Notice, _ state: NoticeRecipientState, org: Organization, zone: TimeZone) -> InboxEntry
    {
        InboxEntry(
            notice: view(notice, org: org, zone: zone),
            readAt: state.readAt.map { LocalTime.text($0, in: zone) },
            acknowledgedAt: state.acknowledgedAt.map { LocalTime.text($0, in: zone) }
        )
    }
}
