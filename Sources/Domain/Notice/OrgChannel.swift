import Foundation

/// Where an organization's messages go besides members' inboxes: a group's chat robot or a webhook.
package enum ChannelKind: String, Sendable, Codable, CaseIterable {
    /// A generic webhook: a signed JSON POST.
    case webhook
    /// A 企业微信 group robot.
    case wecom
    /// A 钉钉 custom robot.
    case dingtalk
    /// A 飞书 custom robot.
    case feishu
    /// A mail server: notices go by e-mail to each addressed member who has an address in the roster.
    case smtp

    /// The Chinese name shown in lists.
    package var label: String {
        switch self {
        case .webhook: "Webhook"
        case .wecom: "企业微信机器人"
        case .dingtalk: "钉钉机器人"
        case .feishu: "飞书机器人"
        case .smtp: "邮件服务器"
        }
    }
}

/// Who a channel's group is: the organization's members, or its committee (administrators).
package enum ChannelAudience: String, Sendable, Codable, CaseIterable {
    /// The members' group: gets the organization's notices.
    case members
    /// The committee's own group: gets what is meant for the organization's administrators.
    case admins
}

/// A configured channel. The secret and the URL (a robot's URL carries its access key) never leave the daemon.
package struct OrgChannel: Sendable, Equatable {
    /// Its number.
    package var id: Int64
    /// The organization whose group it reaches.
    package var orgID: Int64
    /// Its kind.
    package var kind: ChannelKind
    /// A name to tell channels apart.
    package var name: String
    /// Where to send.
    package var url: String
    /// The signing secret (webhook HMAC, 钉钉 / 飞书 加签), if any.
    package var secret: String?
    /// 钉钉's 自定义关键词, put into every message.
    package var keyword: String?
    /// Whose group it is.
    package var audience: ChannelAudience
    /// A mail server's sender address (envelope and From).
    package var sender: String?
    /// A mail server's login name.
    package var login: String?
    /// False once removed: kept for the deliveries that name it.
    package var active: Bool

    /// Creates a channel.
    package init(
        id: Int64,
        orgID: Int64,
        kind: ChannelKind,
        name: String,
        url: String,
        secret: String?,
        keyword: String?,
        audience: ChannelAudience,
        sender: String? = nil,
        login: String? = nil,
        active: Bool = true
    ) {
        self.id = id
        self.orgID = orgID
        self.kind = kind
        self.name = name
        self.url = url
        self.secret = secret
        self.keyword = keyword
        self.audience = audience
        self.sender = sender
        self.login = login
        self.active = active
    }
}

/// Where an outbox row stands.
package enum DeliveryState: String, Sendable, Codable, CaseIterable {
    /// Waiting for its next attempt.
    case pending
    /// Delivered.
    case sent
    /// Given up: permanently refused, or out of attempts; the last error says why.
    case dead
    /// Dropped unsent because its notice was retracted.
    case cancelled

    /// The state in Chinese.
    package var label: String {
        switch self {
        case .pending: "待投递"
        case .sent: "已送达"
        case .dead: "已放弃"
        case .cancelled: "已取消"
        }
    }
}

/// What an outbox row carries.
package enum OutboxPurpose: String, Sendable, Codable, CaseIterable {
    /// The notice itself.
    case notice
    /// Word that the notice was retracted, to the group channels that had received it.
    case retraction
}

/// One attempt to deliver an outbox row, kept as proof of what was tried and what the far end said.
package struct DeliveryAttemptRecord: Sendable, Codable, Equatable {
    /// What came of an attempt.
    package enum Outcome: String, Sendable, Codable, CaseIterable {
        /// The channel took it.
        case delivered
        /// It failed in a way worth trying again.
        case retryable
        /// It was refused for good.
        case permanent
    }

    /// 1 for the first attempt, then 2, 3, ...
    package var attempt: Int
    /// When it was made.
    package var at: Date
    /// What came of it.
    package var outcome: Outcome
    /// The far end's or the transport's error, when it failed.
    package var error: String?

    /// Creates the record.
    package init(attempt: Int, at: Date, outcome: Outcome, error: String?) {
        self.attempt = attempt
        self.at = at
        self.outcome = outcome
        self.error = error
    }
}

/// One message for one channel, written in the transaction that created the message.
package struct OutboxEntry: Sendable, Equatable {
    /// Its number: also the idempotency key receivers de-duplicate by.
    package var id: Int64
    /// The notice it carries.
    package var noticeID: Int64
    /// The channel it goes through.
    package var channelID: Int64
    /// The member it is addressed to (e-mail), nil for a group's channel.
    package var memberID: Int64?
    /// The notice, or word of its retraction.
    package var purpose: OutboxPurpose
    /// Where it stands.
    package var state: DeliveryState
    /// Attempts made so far.
    package var attempts: Int
    /// When it is due next (meaningful while pending).
    package var nextAttemptAt: Date
    /// Why the last attempt failed.
    package var lastError: String?
    /// When it was delivered.
    package var sentAt: Date?

    /// Creates an entry.
    package init(
        id: Int64,
        noticeID: Int64,
        channelID: Int64,
        memberID: Int64? = nil,
        purpose: OutboxPurpose = .notice,
        state: DeliveryState,
        attempts: Int,
        nextAttemptAt: Date,
        lastError: String?,
        sentAt: Date?
    ) {
        self.id = id
        self.noticeID = noticeID
        self.channelID = channelID
        self.memberID = memberID
        self.purpose = purpose
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.sentAt = sentAt
    }
}
