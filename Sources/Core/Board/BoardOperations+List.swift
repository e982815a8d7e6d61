import Domain
import Foundation
import Store

/// Reading the board: administrators see every message addressed to their subtree; a member sees the messages
/// shown on the boards of their branch and the organizations above it, and their own.
extension PartyCore {
    /// The largest page of board listings.
    package static let maximumBoardPage = 1000

    /// Who a message is shown to, which decides what of it is shown.
    enum BoardViewer {
        /// An administrator or auditor of the organization: everything but a deleted message's text.
        case administrator
        /// The message's author: their text, its state and the reply, not the administrators' names.
        case author
        /// Another member: a shown message and its reply, without the author's id or administrators' names.
        case member
    }

    /// `board.list`: for administrators and auditors, messages addressed to organizations in the subtree of `org`
    /// (default: their scope), in `state` (default: pending and approved); for a member, the approved and shown
    /// messages of their branch and the organizations above it (or of `org`, one of them), and their own.
    package func boardMessages(
        org: String?,
        state: String?,
        before: Int64?,
        limit: Int?,
        by principal: Principal
    ) async throws -> [BoardMessageView] {
        let zone = timeZone
        return try await read(.boardList, by: principal) { op in
            let limit = try Self.pageSize(limit, default: 50, in: 1...Self.maximumBoardPage)
            var states: Set<BoardState> = [.pending, .approved]
            if let text = state?.nonBlank { states = [try BoardRules.parseState(text)] }
            if op.caller.role == .member {
                return try Self.memberBoard(op, org: org, page: BoardPage(states: states, before: before, limit: limit))
                    .map { entry, viewer in Self.boardView(entry, for: viewer, zone: zone) }
            }
            // Everyone else reads as the organization's reviewers do: within their scope, as `read` methods do.
            try Authorization.check(op.caller, .read, Self.optionalOrg(org, field: "org"), in: op.tx)
            let root = try org.map { try OrgLookup.require($0, field: "org", in: op.tx).path } ?? op.defaultRoot
            return try op.tx.boardMessages(under: root, page: BoardPage(states: states, before: before, limit: limit))
                .map { Self.boardView($0, for: .administrator, zone: zone) }
        }
    }

    /// What a member sees on the boards of their own line, each message with the viewer it is shown as.
    private static func memberBoard(
        _ op: Reading,
        org code: String?,
        page: BoardPage
    ) throws -> [(BoardEntry, BoardViewer)] {
        let memberID = try requireOwnMember(op.caller)
        guard let member = try op.tx.member(reference: String(memberID)) else { return [] }
        let branch = try organization(member.orgID, in: op.tx)
        var orgIDs = branch.path.ids
        if let code = code?.nonBlank {
            guard let named = try op.tx.organization(code: code), BoardRules.mayPost(to: named.path, from: branch.path)
            else { throw BoardRules.unavailable(code) }
            orgIDs = [named.id]
        }
        return try op.tx.boardMessages(visibleTo: memberID, in: orgIDs, page: page).map { entry in
            (entry, entry.message.authorMemberID == memberID ? .author : .member)
        }
    }

    /// The protocol's view of a message as `viewer` may see it.
    static func boardView(_ entry: BoardEntry, for viewer: BoardViewer, zone: TimeZone) -> BoardMessageView {
        let message = entry.message
        let administrator = viewer == .administrator
        return BoardMessageView(
            id: message.id,
            orgCode: entry.orgCode,
            orgName: entry.orgName,
            authorID: viewer == .member ? nil : message.authorMemberID,
            authorName: entry.authorName,
            // A deleted message's text is kept in the table for the audit, and shown to no one.
            text: message.state == .deleted ? nil : message.text,
            postedAt: LocalTime.text(message.postedAt, in: zone),
            state: message.state,
            shown: message.shown,
            approvedBy: administrator ? message.approval?.by : nil,
            approvedAt: message.approval.map { LocalTime.text($0.at, in: zone) },
            reply: message.state == .deleted ? nil : message.reply?.text,
            repliedBy: administrator ? message.reply?.by : nil,
            repliedAt: message.state == .deleted ? nil : message.reply.map { LocalTime.text($0.at, in: zone) },
            deletedBy: administrator ? message.deletion?.by : nil,
            deletedAt: message.deletion.map { LocalTime.text($0.at, in: zone) },
            deleteReason: administrator ? message.deletion?.reason : nil
        )
    }
}
