import Domain
import Foundation

/// A notice about to be published; the store assigns its id.
package struct NewNotice: Sendable {
    /// The notice's fields (its id and recipient count are ignored).
    package var notice: Notice
    /// The publishing organization's place, whose subtree the audience may cover.
    package var orgPath: OrgPath
    /// The members it addresses one by one; empty when it addresses whole organizations.
    package var namedMemberIDs: [Int64]

    /// Creates the new notice.
    package init(notice: Notice, orgPath: OrgPath, namedMemberIDs: [Int64] = []) {
        self.notice = notice
        self.orgPath = orgPath
        self.namedMemberIDs = namedMemberIDs
    }
}

/// One recipient's state for a notice.
package struct NoticeRecipientState: Sendable, Equatable {
    /// The member.
    package var memberID: Int64
    /// The member's name.
    package var memberName: String
    /// The member's branch at publication.
    package var orgID: Int64
    /// When they read it.
    package var readAt: Date?
    /// When they acknowledged it.
    package var acknowledgedAt: Date?
    /// How the read receipt arrived.
    package var readVia: ReceiptChannel? = nil
    /// How the acknowledgement arrived.
    package var acknowledgedVia: ReceiptChannel? = nil
}

/// Read and acknowledged counts of one notice that arrived through one channel.
package struct NoticeChannelCounts: Sendable, Equatable {
    /// The channel.
    package var channel: ReceiptChannel
    /// Read receipts that came this way.
    package var read: Int
    /// Acknowledgements that came this way.
    package var acknowledged: Int
}

/// Read and acknowledged counts of one organization of a notice's audience.
package struct NoticeOrgCounts: Sendable, Equatable {
    /// The organization.
    package var orgID: Int64
    /// Members addressed in it.
    package var recipients: Int
    /// Who have read it.
    package var read: Int
    /// Who have acknowledged it.
    package var acknowledged: Int
}

/// Notice reads inside a transaction.
package protocol NoticeReader {
    /// The notice with `id`.
    func notice(id: Int64) throws -> Notice?
    /// Notices published by organizations in the subtree at `root` (or everywhere), newest first, older than `before`.
    func notices(under root: OrgPath?, before: Int64?, limit: Int) throws -> [Notice]
    /// Per-organization counts of a notice's recipients.
    func noticeCounts(_ noticeID: Int64) throws -> [NoticeOrgCounts]
    /// Read and acknowledged counts of a notice by the channel they came through, for the channels that had any.
    func noticeChannelCounts(_ noticeID: Int64) throws -> [NoticeChannelCounts]
    /// Recipients who have not read it (or, when `acknowledgement`, not acknowledged it), by branch then name.
    func outstandingRecipients(
        _ noticeID: Int64,
        acknowledgement: Bool,
        limit: Int
    ) throws -> (recipients: [NoticeRecipientState], total: Int)
    /// A member's notices, newest first, older than `before`, with their state.
    func inbox(memberID: Int64, before: Int64?, limit: Int) throws -> [(Notice, NoticeRecipientState)]
    /// One member's state for one notice, or nil when it was not addressed to them.
    func recipientState(_ noticeID: Int64, memberID: Int64) throws -> NoticeRecipientState?
    /// The members a notice names one by one (empty for one addressed to organizations).
    func namedAddressees(of noticeID: Int64) throws -> [Int64]
    /// Scheduled notices whose time has come by `instant`, earliest first.
    func scheduledNotices(dueBy instant: Date, limit: Int) throws -> [Notice]
}

/// Notice changes inside a write transaction.
package protocol NoticeWriter {
    /// Inserts the notice as given (scheduled, or about to be released) with the members it names; returns it
    /// with its id.
    func createNotice(_ new: NewNotice) throws -> Notice
    /// Publishes a created notice now: one recipient row for each member on the roll its audience covers (in one
    /// statement), and its outbox rows; returns it published, with its recipient count.
    func releaseNotice(_ notice: Notice, orgPath: OrgPath) throws -> Notice
    /// Saves the editable fields of a scheduled notice (title, body, priority, time, acknowledgement, expiry).
    func updateScheduledNotice(_ notice: Notice) throws
    /// Cancels a scheduled notice.
    func cancelScheduledNotice(_ noticeID: Int64) throws
    /// Retracts a published notice: its undelivered messages are dropped and the group channels that received it
    /// are told; returns how many messages were dropped and how many announcements queued.
    func retractNotice(_ noticeID: Int64, reason: String) throws -> (dropped: Int, announced: Int)
    /// Records that a member read the notice now through `channel` (a second read keeps the first time and way).
    func markNoticeRead(_ noticeID: Int64, memberID: Int64, via channel: ReceiptChannel) throws
    /// Records that a member acknowledged the notice now through `channel` (and read it, if not yet).
    func markNoticeAcknowledged(_ noticeID: Int64, memberID: Int64, via channel: ReceiptChannel) throws
}
