import Foundation

/// Where a message on an organization's board (留言) is in its life: every message waits for an administrator,
/// who lets it through (shown to the organization's members or kept between the author and the administrators)
/// or deletes it.
package enum BoardState: String, Sendable, Codable, CaseIterable {
    /// 待审核: posted, seen only by its author and the administrators.
    case pending
    /// 已通过: approved; the members see it only when it is also shown.
    case approved
    /// 已删除: removed; its text stays in the table for the audit but is shown to no one.
    case deleted

    /// The state in Chinese.
    package var label: String {
        switch self {
        case .pending: "待审核"
        case .approved: "已通过"
        case .deleted: "已删除"
        }
    }
}

/// A message a member left on an organization's board, with what the administrators did with it.
package struct BoardMessage: Sendable, Codable, Equatable {
    /// Sequence number (0 before the store assigns one).
    package var id: Int64
    /// The organization it is addressed to: the author's branch or one above it.
    package var orgID: Int64
    /// The member who wrote it.
    package var authorMemberID: Int64
    /// What they wrote: one or several lines.
    package var text: String
    /// When it was posted.
    package var postedAt: Date
    /// Pending, approved or deleted.
    package var state: BoardState
    /// Whether the message and its reply are shown to the organization's members (only once approved).
    package var shown: Bool
    /// Who approved it and when.
    package var approval: Stamp?
    /// The administrators' answer, when there is one.
    package var reply: Reply?
    /// Who deleted it, when and why.
    package var deletion: Deletion?

    /// Who did something and when.
    package struct Stamp: Sendable, Codable, Equatable {
        /// The administrator (the principal's name).
        package var by: String
        /// When.
        package var at: Date

        /// Creates the stamp.
        package init(by: String, at: Date) {
            self.by = by
            self.at = at
        }
    }

    /// An administrator's answer to a message.
    package struct Reply: Sendable, Codable, Equatable {
        /// The answer: one or several lines.
        package var text: String
        /// Who wrote it (last).
        package var by: String
        /// When it was written or last changed.
        package var at: Date

        /// Creates the reply.
        package init(text: String, by: String, at: Date) {
            self.text = text
            self.by = by
            self.at = at
        }
    }

    /// A message's removal, kept for the audit.
    package struct Deletion: Sendable, Codable, Equatable {
        /// Who deleted it.
        package var by: String
        /// When.
        package var at: Date
        /// Why, one line.
        package var reason: String

        /// Creates the record.
        package init(by: String, at: Date, reason: String) {
            self.by = by
            self.at = at
            self.reason = reason
        }
    }

    /// Creates a message.
    package init(
        id: Int64,
        orgID: Int64,
        authorMemberID: Int64,
        text: String,
        postedAt: Date,
        state: BoardState = .pending,
        shown: Bool = false,
        approval: Stamp? = nil,
        reply: Reply? = nil,
        deletion: Deletion? = nil
    ) {
        self.id = id
        self.orgID = orgID
        self.authorMemberID = authorMemberID
        self.text = text
        self.postedAt = postedAt
        self.state = state
        self.shown = shown
        self.approval = approval
        self.reply = reply
        self.deletion = deletion
    }

    /// Whether the organization's members (other than the author) may see it: approved and shown.
    package var isPublic: Bool { state == .approved && shown }
}
