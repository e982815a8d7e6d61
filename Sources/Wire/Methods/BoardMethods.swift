import Domain

/// Parameters naming one board message by its number.
package struct BoardMessageRefParams: Codable, Sendable {
    /// The message's number.
    package var message: Int64
    /// Creates the parameters.
    package init(message: Int64) { self.message = message }
}

/// A page of board messages.
package struct BoardMessagesResult: Codable, Sendable {
    /// Newest first.
    package var messages: [BoardMessageView]
    /// Creates the page.
    package init(messages: [BoardMessageView]) { self.messages = messages }
}

/// `board.post`: a member writes to their branch or an organization above it.
package enum BoardPost: RPCMethod {
    package typealias Params = BoardPostFields
    package typealias Result = BoardMessageView
    package static let name = "board.post"
    package static let summary = "留言：党员向所在党支部或其上级组织留言，经管理员审核后公开"
}

/// `board.mine`: the caller's own messages.
package enum BoardMine: RPCMethod {
    /// Paging.
    package struct Params: Codable, Sendable {
        /// Only messages numbered below this.
        package var before: Int64?
        /// At most this many (default 50, at most 1000).
        package var limit: Int?
        /// Creates the parameters.
        package init(before: Int64? = nil, limit: Int? = nil) {
            self.before = before
            self.limit = limit
        }
    }
    package typealias Result = BoardMessagesResult
    package static let name = "board.mine"
    package static let summary = "本人的留言及其审核状态与回复"
}

/// `board.list`: messages of a subtree for administrators; the shown messages of their own line for members.
package enum BoardList: RPCMethod {
    /// Which messages.
    package struct Params: Codable, Sendable {
        /// The organization: for administrators the subtree's root (default their scope), for members one of
        /// their branch and the organizations above it.
        package var org: String?
        /// 待审核, 已通过 or 已删除 (default: pending and approved).
        package var state: String?
        /// Only messages numbered below this (paging).
        package var before: Int64?
        /// At most this many (default 50, at most 1000).
        package var limit: Int?
        /// Creates the parameters.
        package init(org: String? = nil, state: String? = nil, before: Int64? = nil, limit: Int? = nil) {
            self.org = org
            self.state = state
            self.before = before
            self.limit = limit
        }
    }
    package typealias Result = BoardMessagesResult
    package static let name = "board.list"
    package static let summary = "留言列表：管理员看管理范围内的留言，党员看本支部及上级组织公开的留言和本人的留言"
}

/// `board.approve`: lets a pending message through.
package enum BoardApprove: RPCMethod {
    /// Which message, the reply, and whether it is shown.
    package struct Params: Codable, Sendable {
        /// The message's number.
        package var message: Int64
        /// An answer to publish with it.
        package var reply: String?
        /// Whether the organization's members see it (default true).
        package var shown: Bool?
        /// Creates the parameters.
        package init(message: Int64, reply: String? = nil, shown: Bool? = nil) {
            self.message = message
            self.reply = reply
            self.shown = shown
        }
    }
    package typealias Result = BoardMessageView
    package static let name = "board.approve"
    package static let summary = "审核通过留言，可同时回复，并选择是否向党员公开"
}

/// `board.reply`: adds or changes the reply to an approved message.
package enum BoardReply: RPCMethod {
    /// Which message, the reply, and optionally whether it is shown.
    package struct Params: Codable, Sendable {
        /// The message's number.
        package var message: Int64
        /// The answer.
        package var reply: String
        /// Whether the organization's members see it; absent: unchanged.
        package var shown: Bool?
        /// Creates the parameters.
        package init(message: Int64, reply: String, shown: Bool? = nil) {
            self.message = message
            self.reply = reply
            self.shown = shown
        }
    }
    package typealias Result = BoardMessageView
    package static let name = "board.reply"
    package static let summary = "回复已通过的留言（新增或修改回复）"
}

/// `board.delete`: removes a message from every view.
package enum BoardDelete: RPCMethod {
    /// Which message, and why.
    package struct Params: Codable, Sendable {
        /// The message's number.
        package var message: Int64
        /// Why it is removed (one line, kept in the audit).
        package var reason: String
        /// Creates the parameters.
        package init(message: Int64, reason: String) {
            self.message = message
            self.reason = reason
        }
    }
    package typealias Result = BoardMessageView
    package static let name = "board.delete"
    package static let summary = "删除留言（须说明原因；原文保留备查，不再显示）"
}
