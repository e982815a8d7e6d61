/// A notice to post, as typed: text values are parsed by the operation, absent options take their defaults
/// (the organization alone, every member on its roll, 普通, no acknowledgement).
package struct NoticeFields: Codable, Sendable, Equatable {
    /// The publishing organization's code; the audience is its members.
    package var org: String
    /// With the organization's whole subtree (a superior publishing to subordinates).
    package var subtree: Bool?
    /// Only members of this 人员类别.
    package var category: String?
    /// Only members carrying this 党员标记.
    package var flag: String?
    /// 通知公告 or 工作动态.
    package var kind: String
    /// The title, one line.
    package var title: String
    /// The body: plain text or Markdown.
    package var body: String
    /// 普通, 重要 or 紧急.
    package var priority: String?
    /// Whether recipients are asked to acknowledge.
    package var ackRequired: Bool?
    /// The last day to acknowledge, YYYY-MM-DD.
    package var ackDeadline: String?
    /// The last day the notice is current, YYYY-MM-DD.
    package var expiresOn: String?
    /// When to publish it, `YYYY-MM-DD HH:MM` in the daemon's zone or ISO 8601; absent: now.
    package var at: String?
    /// 党员 (default), 管理员 (the committees' groups) or 全部.
    package var to: String?
    /// Members named one by one (id or 身份证号), instead of whole organizations; each must belong to the
    /// publishing organization or its subtree.
    package var members: [String]?
    /// Files uploaded beforehand (`attachment.finish`), attached in the order given.
    package var attachments: [AttachmentRef]?

    /// Creates the fields.
    package init(
        org: String,
        subtree: Bool? = nil,
        category: String? = nil,
        flag: String? = nil,
        kind: String,
        title: String,
        body: String,
        priority: String? = nil,
        ackRequired: Bool? = nil,
        ackDeadline: String? = nil,
        expiresOn: String? = nil,
        at: String? = nil,
        to: String? = nil,
        members: [String]? = nil,
        attachments: [AttachmentRef]? = nil
    ) {
        self.org = org
        self.subtree = subtree
        self.category = category
        self.flag = flag
        self.kind = kind
        self.title = title
        self.body = body
        self.priority = priority
        self.ackRequired = ackRequired
        self.ackDeadline = ackDeadline
        self.expiresOn = expiresOn
        self.at = at
        self.to = to
        self.members = members
        self.attachments = attachments
    }
}

/// Changes to a scheduled notice; absent fields stay as they are.
package struct NoticeEditFields: Codable, Sendable, Equatable {
    /// The notice's number.
    package var notice: Int64
    /// A new title.
    package var title: String?
    /// A new body.
    package var body: String?
    /// A new priority.
    package var priority: String?
    /// A new publish time (`YYYY-MM-DD HH:MM` or ISO 8601); a time already past publishes it at once.
    package var at: String?
    /// Whether recipients are asked to acknowledge.
    package var ackRequired: Bool?
    /// A new acknowledgement deadline; empty to remove it.
    package var ackDeadline: String?
    /// A new last day; empty to remove it.
    package var expiresOn: String?

    /// Creates the changes.
    package init(
        notice: Int64,
        title: String? = nil,
        body: String? = nil,
        priority: String? = nil,
        at: String? = nil,
        ackRequired: Bool? = nil,
        ackDeadline: String? = nil,
        expiresOn: String? = nil
    ) {
        self.notice = notice
        self.title = title
        self.body = body
        self.priority = priority
        self.at = at
        self.ackRequired = ackRequired
        self.ackDeadline = ackDeadline
        self.expiresOn = expiresOn
    }
}

/// A notice as the protocol shows it.
package struct NoticeView: Codable, Sendable, Equatable {
    /// Its number.
    package var id: Int64
    /// 通知公告, 工作动态 or 系统消息.
    package var kind: NoticeKind
    /// The title.
    package var title: String
    /// The body.
    package var body: String
    /// The publishing organization's code.
    package var orgCode: String
    /// The publishing organization's name.
    package var orgName: String
    /// Who it addresses, in Chinese (本组织党员 / 本组织及下级组织党员, narrowed by category or flag).
    package var audience: String
    /// 普通, 重要 or 紧急.
    package var priority: NoticePriority
    /// Who posted it.
    package var author: String
    /// When (ISO 8601 with the zone's offset).
    package var publishedAt: String
    /// Whether recipients are asked to acknowledge.
    package var ackRequired: Bool
    /// The last day to acknowledge.
    package var ackDeadline: LocalDate?
    /// The last day it is current.
    package var expiresOn: LocalDate?
    /// How many members it was addressed to.
    package var recipients: Int
    /// Scheduled, published, cancelled or retracted; while scheduled, `publishedAt` is when it will go out.
    package var state: NoticeState
    /// Members, administrators or both.
    package var addressees: NoticeAddressees
    /// When it was retracted.
    package var retractedAt: String?
    /// Why it was retracted.
    package var retractReason: String?
    /// Its attachments, in order (in `notice.post`, `notice.show` and `me.read`; absent in lists).
    package var attachments: [AttachmentView]?

    /// Creates the view.
    package init(
        id: Int64,
        kind: NoticeKind,
        title: String,
        body: String,
        orgCode: String,
        orgName: String,
        audience: String,
        priority: NoticePriority,
        author: String,
        publishedAt: String,
        ackRequired: Bool,
        ackDeadline: LocalDate?,
        expiresOn: LocalDate?,
        recipients: Int,
        state: NoticeState = .published,
        addressees: NoticeAddressees = .members,
        retractedAt: String? = nil,
        retractReason: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.body = body
        self.orgCode = orgCode
        self.orgName = orgName
        self.audience = audience
        self.priority = priority
        self.author = author
        self.publishedAt = publishedAt
        self.ackRequired = ackRequired
        self.ackDeadline = ackDeadline
        self.expiresOn = expiresOn
        self.recipients = recipients
        self.state = state
        self.addressees = addressees
        self.retractedAt = retractedAt
        self.retractReason = retractReason
    }
}

/// Who has read and acknowledged a notice: per organization, and the members still outstanding.
package struct NoticeReceipts: Codable, Sendable, Equatable {
    /// Counts for one organization of the audience.
    package struct OrgCounts: Codable, Sendable, Equatable {
        /// 组织代码.
        package var orgCode: String
        /// 组织名称.
        package var orgName: String
        /// Members addressed in it.
        package var recipients: Int
        /// Of those, who have read it.
        package var read: Int
        /// Of those, who have acknowledged it.
        package var acknowledged: Int

        /// Creates the counts.
        package init(orgCode: String, orgName: String, recipients: Int, read: Int, acknowledged: Int) {
            self.orgCode = orgCode
            self.orgName = orgName
            self.recipients = recipients
            self.read = read
            self.acknowledged = acknowledged
        }
    }

    /// A member who has not yet read (or, when asked, acknowledged) it.
    package struct Outstanding: Codable, Sendable, Equatable {
        /// The member's id.
        package var memberID: Int64
        /// The member's name.
        package var memberName: String
        /// Their branch's code.
        package var orgCode: String
        /// Whether they have read it.
        package var read: Bool
        /// Whether they have acknowledged it.
        package var acknowledged: Bool

        /// Creates the line.
        package init(memberID: Int64, memberName: String, orgCode: String, read: Bool, acknowledged: Bool) {
            self.memberID = memberID
            self.memberName = memberName
            self.orgCode = orgCode
            self.read = read
            self.acknowledged = acknowledged
        }
    }

    /// The notice.
    package var notice: NoticeView
    /// Members who have read it.
    package var read: Int
    /// Members who have acknowledged it.
    package var acknowledged: Int
    /// Per organization of the audience, by code.
    package var organizations: [OrgCounts]
    /// Members outstanding, by branch then name (at most the limit asked for).
    package var outstanding: [Outstanding]
    /// How many are outstanding in all.
    package var outstandingTotal: Int
    /// Read receipts and acknowledgements by the way they arrived (`console`, `link`), for the ways that had any.
    package var channels: [ReceiptChannelCounts]

    /// Creates the receipts.
    package init(
        notice: NoticeView,
        read: Int,
        acknowledged: Int,
        organizations: [OrgCounts],
        outstanding: [Outstanding],
        outstandingTotal: Int,
        channels: [ReceiptChannelCounts] = []
    ) {
        self.notice = notice
        self.read = read
        self.acknowledged = acknowledged
        self.organizations = organizations
        self.outstanding = outstanding
        self.outstandingTotal = outstandingTotal
        self.channels = channels
    }
}

/// One notice in a member's inbox, with what they have done with it.
package struct InboxEntry: Codable, Sendable, Equatable {
    /// The notice.
    package var notice: NoticeView
    /// When they read it (ISO 8601), if they have.
    package var readAt: String?
    /// When they acknowledged it (ISO 8601), if they have.
    package var acknowledgedAt: String?

    /// Creates the entry.
    package init(notice: NoticeView, readAt: String?, acknowledgedAt: String?) {
        self.notice = notice
        self.readAt = readAt
        self.acknowledgedAt = acknowledgedAt
    }
}
