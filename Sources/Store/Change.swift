import Domain

/// What one write transaction did, as the store must record it: the operation's result, its audit entry and
/// the history lines of the organizations and members it touched. ``PartyStore/write(by:at:_:)`` applies the
/// audit and history in the same transaction as the change itself, so no change can commit without them.
package struct Change<Result: Sendable>: Sendable {
    /// What the operation returns to its caller.
    package var result: Result
    /// The audit entry; nil only when the transaction changed nothing (the store checks).
    package var audit: AuditNote?
    /// Lines for organizations' histories.
    package var orgHistory: [OrgHistoryLine]
    /// Lines for members' roster histories.
    package var memberHistory: [MemberHistoryLine]

    /// A change with its audit entry and history lines.
    package init(
        _ result: Result,
        audit: AuditNote,
        orgHistory: [OrgHistoryLine] = [],
        memberHistory: [MemberHistoryLine] = []
    ) {
        self.result = result
        self.audit = audit
        self.orgHistory = orgHistory
        self.memberHistory = memberHistory
    }

    private init(unchanged result: Result) {
        self.result = result
        audit = nil
        orgHistory = []
        memberHistory = []
    }

    /// The outcome of a transaction that wrote nothing (a no-op edit, a dry run).
    package static func unchanged(_ result: Result) -> Change { Change(unchanged: result) }
}

/// The operation-specific part of an audit entry; the store adds the actor and the instant.
package struct AuditNote: Sendable, Equatable {
    /// The operation, named as its RPC method is (`org.add`).
    package var method: String
    /// What it acted on, as the user named it.
    package var target: String
    /// The organization concerned, for scoped reading; nil when none or several.
    package var orgID: Int64?
    /// What changed, in Chinese.
    package var summary: String

    /// Creates the note.
    package init(method: String, target: String, orgID: Int64?, summary: String) {
        self.method = method
        self.target = target
        self.orgID = orgID
        self.summary = summary
    }
}

/// A line of an organization's history.
package struct OrgHistoryLine: Sendable, Equatable {
    /// The organization.
    package var orgID: Int64
    /// Its code at the time (kept, since a deleted organization's history outlives it).
    package var code: String
    /// The operation (`org.merge`, `org.import`).
    package var action: String
    /// What changed, in Chinese.
    package var summary: String

    /// Creates the line.
    package init(orgID: Int64, code: String, action: String, summary: String) {
        self.orgID = orgID
        self.code = code
        self.action = action
        self.summary = summary
    }
}

/// A line of a member's roster history.
package struct MemberHistoryLine: Sendable, Equatable {
    /// The member.
    package var memberID: Int64
    /// The branch the member is in after the change.
    package var orgID: Int64
    /// The operation (`member.leave`, `member.import`).
    package var action: String
    /// What changed, in Chinese.
    package var summary: String

    /// Creates the line.
    package init(memberID: Int64, orgID: Int64, action: String, summary: String) {
        self.memberID = memberID
        self.orgID = orgID
        self.action = action
        self.summary = summary
    }
}
