import Domain

/// Parameters naming one notice by its number.
package struct NoticeRefParams: Codable, Sendable {
    /// The notice's number.
    package var notice: Int64
    /// Creates the parameters.
    package init(notice: Int64) { self.notice = notice }
}

/// `notice.post`: publishes a notice now to the members of an organization or its subtree.
package enum NoticePost: RPCMethod {
    package typealias Params = NoticeFields
    package typealias Result = NoticeView
    package static let name = "notice.post"
    package static let summary = "发布通知（通知公告或工作动态），对象为本组织或含下级组织的党员"
}

/// `notice.list`: notices published in a subtree, newest first.
package enum NoticeList: RPCMethod {
    /// Which notices.
    package struct Params: Codable, Sendable {
        /// The organization whose subtree's notices are listed; defaults to the caller's scope.
        package var org: String?
        /// Only notices numbered below this (paging).
        package var before: Int64?
        /// At most this many (default 50, at most 1000).
        package var limit: Int?
        /// Creates the parameters.
        package init(org: String? = nil, before: Int64? = nil, limit: Int? = nil) {
            self.org = org
            self.before = before
            self.limit = limit
        }
    }
    /// The notices.
    package struct Result: Codable, Sendable {
        /// Newest first.
        package var notices: [NoticeView]
        /// Creates the listing.
        package init(notices: [NoticeView]) { self.notices = notices }
    }
    package static let name = "notice.list"
    package static let summary = "通知列表（本组织及下级组织发布的）"
}

/// `notice.show`: one notice.
package enum NoticeShow: RPCMethod {
    package typealias Params = NoticeRefParams
    package typealias Result = NoticeView
    package static let name = "notice.show"
    package static let summary = "查看通知"
}

/// `notice.receipts`: who has read and acknowledged a notice.
package enum NoticeReceiptsMethod: RPCMethod {
    /// Which notice, and how many outstanding members to list.
    package struct Params: Codable, Sendable {
        /// The notice's number.
        package var notice: Int64
        /// At most this many outstanding members (default 100, at most 1000; 0 for counts only).
        package var limit: Int?
        /// Creates the parameters.
        package init(notice: Int64, limit: Int? = nil) {
            self.notice = notice
            self.limit = limit
        }
    }
    package typealias Result = NoticeReceipts
    package static let name = "notice.receipts"
    package static let summary = "通知的阅读与确认情况：各组织统计及未读、未确认的党员"
}

/// `me.inbox`: the caller's own notices.
package enum MeInbox: RPCMethod {
    /// Paging.
    package struct Params: Codable, Sendable {
        /// Only notices numbered below this.
        package var before: Int64?
        /// At most this many (default 50).
        package var limit: Int?
        /// Creates the parameters.
        package init(before: Int64? = nil, limit: Int? = nil) {
            self.before = before
            self.limit = limit
        }
    }
    /// The inbox.
    package struct Result: Codable, Sendable {
        /// Newest first.
        package var entries: [InboxEntry]
        /// Creates the inbox.
        package init(entries: [InboxEntry]) { self.entries = entries }
    }
    package static let name = "me.inbox"
    package static let summary = "本人收到的通知"
}

/// `me.read`: reads one of the caller's notices (recording that it was read).
package enum MeRead: RPCMethod {
    package typealias Params = NoticeRefParams
    package typealias Result = InboxEntry
    package static let name = "me.read"
    package static let summary = "阅读本人的一条通知（记录已读）"
}

/// `me.ack`: acknowledges one of the caller's notices that asks for it.
package enum MeAck: RPCMethod {
    package typealias Params = NoticeRefParams
    package typealias Result = InboxEntry
    package static let name = "me.ack"
    package static let summary = "确认本人的一条通知（记录确认时间）"
}

/// `notice.resend`: sends a notice again to those who have not read (or acknowledged) it.
package enum NoticeResend: RPCMethod {
    package typealias Params = NoticeRefParams
    /// What was queued.
    package struct Result: Codable, Sendable {
        /// Messages written to the outbox.
        package var messages: Int
        /// Creates the result.
        package init(messages: Int) { self.messages = messages }
    }
    package static let name = "notice.resend"
    package static let summary = "重新发送通知（群渠道再发一次，邮件发给尚未阅读或确认的党员）"
}

/// `notice.edit`: changes a scheduled notice before it goes out.
package enum NoticeEdit: RPCMethod {
    package typealias Params = NoticeEditFields
    package typealias Result = NoticeView
    package static let name = "notice.edit"
    package static let summary = "修改待发布的定时通知（标题、正文、优先级、发布时间、确认要求、有效期）"
}

/// `notice.cancel`: cancels a scheduled notice.
package enum NoticeCancel: RPCMethod {
    package typealias Params = NoticeRefParams
    package typealias Result = NoticeView
    package static let name = "notice.cancel"
    package static let summary = "取消待发布的定时通知"
}

/// `notice.retract`: withdraws a published notice.
package enum NoticeRetract: RPCMethod {
    /// Which notice, and why.
    package struct Params: Codable, Sendable {
        /// The notice's number.
        package var notice: Int64
        /// Why it is withdrawn (one line; the groups that received it are told).
        package var reason: String
        /// Creates the parameters.
        package init(notice: Int64, reason: String) {
            self.notice = notice
            self.reason = reason
        }
    }
    package typealias Result = NoticeView
    package static let name = "notice.retract"
    package static let summary = "撤回已发布的通知：从党员的通知中撤下，未送出的消息不再投递，已收到的群收到撤回说明"
}
