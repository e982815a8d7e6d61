import Domain
import Foundation

/// The recorded state-changing use of a member's link token.
package struct LinkUse: Sendable, Equatable {
    /// The token's id (32 hexadecimal digits).
    package var tokenID: String
    /// The member it acted as.
    package var memberID: Int64
    /// The record it acted on.
    package var subject: LinkSubject
    /// What it did (`read`, `ack`, …).
    package var action: String
    /// When.
    package var usedAt: Date
    /// When the token expires (after which the row may go).
    package var expiresAt: Date

    /// Creates the record of a use.
    package init(
        tokenID: String,
        memberID: Int64,
        subject: LinkSubject,
        action: String,
        usedAt: Date,
        expiresAt: Date
    ) {
        self.tokenID = tokenID
        self.memberID = memberID
        self.subject = subject
        self.action = action
        self.usedAt = usedAt
        self.expiresAt = expiresAt
    }
}

/// Link reads inside a transaction.
package protocol LinkReader {
    /// The use recorded for token `tokenID`, or nil while it has none.
    func linkUse(tokenID: String) throws -> LinkUse?
    /// A notice's recipients in the subtree at `root` (or all), by branch then name, at most `limit`, with the
    /// total, for the links of a group or of the whole audience.
    func noticeRecipients(
        _ noticeID: Int64,
        under root: OrgPath?,
        limit: Int
    ) throws -> (recipients: [NoticeRecipientState], total: Int)
}

/// Link changes inside a write transaction.
package protocol LinkWriter {
    /// Records the single use of a token (a second use of the same id fails the transaction); drops the uses
    /// of tokens expired before `now`, which can no longer be presented.
    func recordLinkUse(_ use: LinkUse) throws
}
