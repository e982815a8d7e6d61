import Foundation

/// The state machine of a board message: posting, approving (with an optional reply, shown or not), replying
/// and deleting. Each decision takes the time as input and returns the message as it must be stored; the core
/// carries it out in one transaction.
package enum BoardRules {
    /// The longest message or reply, in characters.
    package static let maxTextLength = 1000
    /// The longest reason for a deletion, in characters.
    package static let maxReasonLength = 100
    /// How many messages one member may have waiting for review at once: enough for anyone writing in earnest,
    /// few enough that no one can bury the administrators' queue.
    package static let maxPendingPerMember = 20

    /// Parses 待审核, 已通过 or 已删除 (or pending, approved, deleted).
    package static func parseState(_ text: String, field: String = "state") throws(DomainError) -> BoardState {
        let aliases: [String: BoardState] = [
            "待审核": .pending, "pending": .pending, "已通过": .approved, "approved": .approved, "已删除": .deleted,
            "deleted": .deleted,
        ]
        guard let state = aliases[text.trimmedWhitespace.lowercased()] ?? aliases[text.trimmedWhitespace] else {
            throw DomainError.invalid(field, "留言状态“\(text)”无效，应为：待审核、已通过、已删除", reason: "invalid_state")
        }
        return state
    }

    /// Whether a member whose branch is at `branch` may write to the organization at `target`: their own branch
    /// or one above it, whose members they are.
    package static func mayPost(to target: OrgPath, from branch: OrgPath) -> Bool {
        branch.isWithin(target)
    }

    /// The one refusal for an organization a member may not write to, whether it exists or not: a member is told
    /// nothing about organizations other than their own branch and those above it.
    package static func unavailable(_ code: String, field: String = "org") -> DomainError {
        DomainError.notFound(field, "党组织“\(code)”不存在，或不是您所在党支部及其上级组织", reason: "org.not_found")
    }

    /// Decides a new message: text of 1 to ``maxTextLength`` characters (surrounding blanks dropped), to the
    /// author's branch or an organization above it, while the author has fewer than ``maxPendingPerMember``
    /// messages waiting. Returns the message to store, pending and not shown.
    package static func post(
        text: String,
        to org: Organization,
        author memberID: Int64,
        branch: OrgPath,
        pendingCount: Int,
        now: Date
    ) throws(DomainError) -> BoardMessage {
        guard mayPost(to: org.path, from: branch) else { throw unavailable(org.code) }
        let text = try checkedText(text, field: "text", label: "留言")
        guard pendingCount < maxPendingPerMember else {
            throw DomainError(
                .rule,
                reason: "board.too_many_pending",
                field: nil,
                message: "您已有 \(pendingCount) 条留言等待审核（最多 \(maxPendingPerMember) 条），请待管理员审核后再留言"
            )
        }
        return BoardMessage(id: 0, orgID: org.id, authorMemberID: memberID, text: text, postedAt: now)
    }

    /// Decides an approval: only a pending message; with `reply` when given (blank means none), shown to the
    /// organization's members or not.
    package static func approve(
        _ message: BoardMessage,
        reply: String?,
        shown: Bool,
        by admin: String,
        now: Date
    ) throws(DomainError) -> BoardMessage {
        switch message.state {
        case .pending: break
        case .approved:
            throw DomainError(
                .rule,
                reason: "board.already_approved",
                field: "message",
                message: "留言 \(message.id) 已审核通过；修改回复请用回复（board reply）"
            )
        case .deleted: throw deleted(message)
        }
        var approved = message
        approved.state = .approved
        approved.shown = shown
        approved.approval = BoardMessage.Stamp(by: admin, at: now)
        if let reply, !reply.trimmedWhitespace.isEmpty {
            approved.reply = BoardMessage.Reply(
                text: try checkedText(reply, field: "reply", label: "回复"),
                by: admin,
                at: now
            )
        }
        return approved
    }

    /// Decides a reply to an approved message, added or replacing the earlier one, and optionally whether the
    /// message is shown. Returns the message unchanged when neither the text nor the showing changes, so that a
    /// repeated request writes nothing.
    package static func reply(
        _ message: BoardMessage,
        text: String,
        shown: Bool?,
        by admin: String,
        now: Date
    ) throws(DomainError) -> BoardMessage {
        switch message.state {
        case .approved: break
        case .pending:
            throw DomainError(
                .rule,
                reason: "board.not_approved",
                field: "message",
                message: "留言 \(message.id) 尚未审核；请在审核通过时一并回复（board approve --reply）"
            )
        case .deleted: throw deleted(message)
        }
        let text = try checkedText(text, field: "reply", label: "回复")
        var replied = message
        if message.reply?.text != text { replied.reply = BoardMessage.Reply(text: text, by: admin, at: now) }
        if let shown { replied.shown = shown }
        return replied
    }

    /// Decides a deletion: any message not yet deleted, with a reason of one line kept for the audit.
    package static func delete(
        _ message: BoardMessage,
        reason: String,
        by admin: String,
        now: Date
    ) throws(DomainError) -> BoardMessage {
        let reason = reason.trimmedWhitespace
        guard !reason.isEmpty else { throw DomainError.invalid("reason", "删除留言须说明原因", reason: "empty_reason") }
        guard !MemberRules.exceeds(reason, maxReasonLength) else {
            throw DomainError.invalid("reason", "删除原因过长（最多 \(maxReasonLength) 字）", reason: "too_long")
        }
        try TextRules.validate(reason, field: "reason", label: "删除原因", shape: .line)
        guard message.state != .deleted else { throw deleted(message) }
        var removed = message
        removed.state = .deleted
        removed.shown = false
        removed.deletion = BoardMessage.Deletion(by: admin, at: now, reason: reason)
        return removed
    }

    /// Checks a message's or reply's text and returns it without surrounding blanks: not empty, at most
    /// ``maxTextLength`` characters, line breaks allowed but no control or direction characters.
    package static func checkedText(_ text: String, field: String, label: String) throws(DomainError) -> String {
        let text = text.trimmedWhitespace
        guard !text.isEmpty else { throw DomainError.invalid(field, "\(label)不能为空", reason: "empty_text") }
        guard !MemberRules.exceeds(text, maxTextLength) else {
            throw DomainError.invalid(field, "\(label)过长（最多 \(maxTextLength) 字）", reason: "too_long")
        }
        try TextRules.validate(text, field: field, label: label, shape: .multiline)
        return text
    }

    private static func deleted(_ message: BoardMessage) -> DomainError {
        DomainError(.rule, reason: "board.deleted", field: "message", message: "留言 \(message.id) 已删除")
    }
}
