import Domain
import Foundation
import Store

/// The message board (留言): a member writes to their branch or an organization above it; the administrators of
/// that organization approve the message (with a reply, shown to the members or not) or delete it. Listing is in
/// `BoardOperations+List.swift`.
extension PartyCore {
    /// `board.post`: the caller's member record writes to its branch (default) or an organization above it; the
    /// message waits for review.
    package func postBoardMessage(_ fields: BoardPostFields, by principal: Principal) async throws -> BoardMessageView {
        let zone = timeZone
        return try await write(.boardPost, by: principal) { op in
            let member = try Self.requireOwnActiveMember(op.caller, in: op.tx)
            let branch = try Self.organization(member.orgID, in: op.tx)
            // Not a scope target: an organization off the member's own line gets the same refusal whether it
            // exists or not, and only the board's rule knows that line.
            var org = branch
            if let code = fields.org?.nonBlank {
                guard let named = try op.tx.organization(code: code) else { throw BoardRules.unavailable(code) }
                org = named
            }
            let message = try BoardRules.post(
                text: fields.text,
                to: org,
                author: member.id,
                branch: branch.path,
                pendingCount: try op.tx.pendingBoardMessageCount(author: member.id),
                now: op.time.instant
            )
            try OrgRules.requireActive(org, field: "org")
            let stored = try op.tx.insertBoardMessage(message)
            let entry = BoardEntry(message: stored, authorName: member.name, orgCode: org.code, orgName: org.name)
            return Change(
                Self.boardView(entry, for: .author, zone: zone),
                audit: op.audit(
                    target: "留言 \(stored.id)",
                    orgID: org.id,
                    summary: "\(member.name)向\(org.label)留言（待审核）：“\(Self.excerpt(stored.text))”"
                )
            )
        }
    }

    /// `board.mine`: the caller's own messages, newest first, with their state and replies.
    package func myBoardMessages(
        before: Int64?,
        limit: Int?,
        by principal: Principal
    ) async throws
        -> [BoardMessageView]
    {
        let zone = timeZone
        return try await read(.boardMine, by: principal) { op in
            let memberID = try Self.requireOwnMember(op.caller)
            let limit = try Self.pageSize(limit, default: 50, in: 1...Self.maximumBoardPage)
            return try op.tx.boardMessages(author: memberID, before: before, limit: limit).map {
                Self.boardView($0, for: .author, zone: zone)
            }
        }
    }

    /// `board.approve`: lets a pending message through, with an optional reply, shown to the organization's
    /// members (default) or kept between the author and the administrators.
    package func approveBoardMessage(
        _ id: Int64,
        reply: String?,
        shown: Bool?,
        by principal: Principal
    ) async throws -> BoardMessageView {
        try await reviewBoardMessage(.boardApprove, id, by: principal) { stored, admin, now in
            let approved = try BoardRules.approve(stored, reply: reply, shown: shown ?? true, by: admin, now: now)
            let visibility = approved.shown ? "公开" : "不公开"
            let answer = approved.reply.map { "，回复：“\(Self.excerpt($0.text))”" } ?? ""
            return (approved, "审核通过（\(visibility)）\(answer)")
        }
    }

    /// `board.reply`: adds or replaces the reply to an approved message, and optionally shows or hides it.
    package func replyToBoardMessage(
        _ id: Int64,
        reply: String,
        shown: Bool?,
        by principal: Principal
    ) async throws -> BoardMessageView {
        try await reviewBoardMessage(.boardReply, id, by: principal) { stored, admin, now in
            let replied = try BoardRules.reply(stored, text: reply, shown: shown, by: admin, now: now)
            var parts: [String] = []
            if let answer = replied.reply, answer != stored.reply {
                parts.append((stored.reply == nil ? "回复" : "修改回复") + "：“\(Self.excerpt(answer.text))”")
            }
            if replied.shown != stored.shown { parts.append(replied.shown ? "改为公开" : "改为不公开") }
            return (replied, parts.joined(separator: "；"))
        }
    }

    /// `board.delete`: removes a message from every view; its text stays in the table, and the reason in the
    /// audit.
    package func deleteBoardMessage(
        _ id: Int64,
        reason: String,
        by principal: Principal
    ) async throws
        -> BoardMessageView
    {
        try await reviewBoardMessage(.boardDelete, id, by: principal) { stored, admin, now in
            let removed = try BoardRules.delete(stored, reason: reason, by: admin, now: now)
            return (removed, "删除（原为\(stored.state.label)）：\(removed.deletion?.reason ?? "")")
        }
    }

    /// Runs an administrator's decision on message `id`, within the scope of the organization it is addressed
    /// to, saves the message it returns and audits it with its summary; a decision that changes nothing writes
    /// nothing.
    private func reviewBoardMessage(
        _ operation: PartyOperation,
        _ id: Int64,
        by principal: Principal,
        decide: @Sendable @escaping (BoardMessage, String, Date) throws -> (BoardMessage, String)
    ) async throws -> BoardMessageView {
        let zone = timeZone
        return try await write(operation, by: principal, targets: [.boardMessage(id: id, field: "message")]) { op in
            var entry = try Self.requireBoardMessage(id, in: op.tx)
            let stored = entry.message
            let (decided, summary) = try decide(stored, op.caller.userName, op.time.instant)
            entry.message = decided
            let view = Self.boardView(entry, for: .administrator, zone: zone)
            guard decided != stored else { return .unchanged(view) }
            try op.tx.updateBoardMessage(decided)
            return Change(
                view,
                audit: op.audit(
                    target: "留言 \(id)",
                    orgID: stored.orgID,
                    summary: "\(entry.authorName)的留言“\(Self.excerpt(stored.text))”：\(summary)"
                )
            )
        }
    }

    /// The message with `id`, or "not found" (scoped callers never get here for a message outside their scope).
    static func requireBoardMessage(_ id: Int64, in tx: any StoreReader) throws -> BoardEntry {
        guard let entry = try tx.boardMessage(id: id) else {
            throw DomainError.notFound("message", "留言 \(id) 不存在", reason: "board.not_found")
        }
        return entry
    }

    /// The member record of a member's account or link, which must be on the roll to write.
    static func requireOwnActiveMember(_ caller: Caller, in tx: any StoreReader) throws -> Member {
        let memberID = try requireOwnMember(caller)
        guard let member = try tx.member(reference: String(memberID)), member.isActive else {
            throw DomainError(.rule, reason: "member.not_active", field: nil, message: "您的党员记录已不在册，不能留言")
        }
        return member
    }

    /// The first characters of a text on one line, for audit summaries.
    static func excerpt(_ text: String, length: Int = 30) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count > length ? String(line.prefix(length)) + "…" : line
    }
}
