import Foundation

/// 通知公告, 工作动态, or the daemon's own 系统消息.
package enum NoticeKind: String, Sendable, Codable, CaseIterable {
    /// 通知公告: a notice members are expected to read (and, when asked, acknowledge).
    case announcement = "通知公告"
    /// 工作动态: news of the organization's work.
    case news = "工作动态"
    /// 系统消息: what partyd itself tells people (reminders); never posted by hand.
    case system = "系统消息"
}

/// How urgent a notice is: channels may show it, and quiet hours hold back all but urgent ones.
package enum NoticePriority: String, Sendable, Codable, CaseIterable {
    /// 普通.
    case normal = "普通"
    /// 重要.
    case important = "重要"
    /// 紧急: goes out even in quiet hours.
    case urgent = "紧急"
}

/// A notice as stored: what was published, by whom, to which audience, and how many it reached.
package struct Notice: Sendable, Codable, Equatable {
    /// Sequence number.
    package var id: Int64
    /// 通知公告 or 工作动态.
    package var kind: NoticeKind
    /// The title, one line.
    package var title: String
    /// The body: plain text or Markdown.
    package var body: String
    /// The publishing organization.
    package var orgID: Int64
    /// With the organization: its whole subtree.
    package var subtree: Bool
    /// Only members of this category, when set.
    package var category: MemberCategory?
    /// Only members carrying this flag, when set.
    package var flag: MemberFlag?
    /// 普通, 重要 or 紧急.
    package var priority: NoticePriority
    /// Who posted it (the principal's name).
    package var author: String
    /// When it was published.
    package var publishedAt: Date
    /// Whether recipients are asked to acknowledge it.
    package var ackRequired: Bool
    /// The last day to acknowledge, when asked.
    package var ackDeadline: LocalDate?
    /// After this day it no longer shows in inboxes as current.
    package var expiresOn: LocalDate?
    /// How many members it was addressed to at publication.
    package var recipientCount: Int
    /// Scheduled, published, cancelled or retracted. While scheduled, `publishedAt` is the time it is due.
    package var state: NoticeState
    /// Members, administrators (the committees' groups) or both.
    package var addressees: NoticeAddressees
    /// Whether it addresses a list of members named one by one (kept in the store) rather than whole
    /// organizations; then `subtree`, `category` and `flag` are unused.
    package var namedMembers: Bool
    /// When it was retracted, and why.
    package var retraction: Retraction?

    /// A published notice's withdrawal.
    package struct Retraction: Sendable, Codable, Equatable {
        /// When.
        package var at: Date
        /// Why, one line.
        package var reason: String

        /// Creates the record.
        package init(at: Date, reason: String) {
            self.at = at
            self.reason = reason
        }
    }

    /// Creates a notice.
    package init(
        id: Int64,
        kind: NoticeKind,
        title: String,
        body: String,
        orgID: Int64,
        subtree: Bool,
        category: MemberCategory?,
        flag: MemberFlag?,
        priority: NoticePriority,
        author: String,
        publishedAt: Date,
        ackRequired: Bool,
        ackDeadline: LocalDate?,
        expiresOn: LocalDate?,
        recipientCount: Int,
        state: NoticeState = .published,
        addressees: NoticeAddressees = .members,
        namedMembers: Bool = false,
        retraction: Retraction? = nil
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.body = body
        self.orgID = orgID
        self.subtree = subtree
        self.category = category
        self.flag = flag
        self.priority = priority
        self.author = author
        self.publishedAt = publishedAt
        self.ackRequired = ackRequired
        self.ackDeadline = ackDeadline
        self.expiresOn = expiresOn
        self.recipientCount = recipientCount
        self.state = state
        self.addressees = addressees
        self.namedMembers = namedMembers
        self.retraction = retraction
    }
}
