/// A channel to add, as typed: the kind and audience are parsed by the operation.
package struct ChannelFields: Codable, Sendable, Equatable {
    /// The organization whose group it reaches.
    package var org: String
    /// webhook, wecom, dingtalk or feishu.
    package var kind: String
    /// A name to tell channels apart; defaults to the kind's.
    package var name: String?
    /// The webhook or robot URL.
    package var url: String
    /// The signing secret (required for a webhook; 钉钉 / 飞书 加签 when the robot uses it).
    package var secret: String?
    /// 钉钉's 自定义关键词.
    package var keyword: String?
    /// members (default) or admins.
    package var audience: String?
    /// A mail server's sender address.
    package var sender: String?
    /// A mail server's login name (its password goes in `secret`).
    package var login: String?

    /// Creates the fields.
    package init(
        org: String,
        kind: String,
        name: String? = nil,
        url: String,
        secret: String? = nil,
        keyword: String? = nil,
        audience: String? = nil,
        sender: String? = nil,
        login: String? = nil
    ) {
        self.org = org
        self.kind = kind
        self.name = name
        self.url = url
        self.secret = secret
        self.keyword = keyword
        self.audience = audience
        self.sender = sender
        self.login = login
    }
}

/// A channel as the protocol shows it: never its secret, nor its URL beyond the host (a robot's URL carries its
/// access key).
package struct ChannelView: Codable, Sendable, Equatable {
    /// Its number.
    package var id: Int64
    /// The organization's code.
    package var orgCode: String
    /// The organization's name.
    package var orgName: String
    /// Its kind.
    package var kind: ChannelKind
    /// Its name.
    package var name: String
    /// The host it posts to.
    package var host: String
    /// Whether it signs its messages.
    package var signed: Bool
    /// 钉钉's keyword, if any.
    package var keyword: String?
    /// Whose group it is.
    package var audience: ChannelAudience

    /// Creates the view.
    package init(
        id: Int64,
        orgCode: String,
        orgName: String,
        kind: ChannelKind,
        name: String,
        host: String,
        signed: Bool,
        keyword: String?,
        audience: ChannelAudience
    ) {
        self.id = id
        self.orgCode = orgCode
        self.orgName = orgName
        self.kind = kind
        self.name = name
        self.host = host
        self.signed = signed
        self.keyword = keyword
        self.audience = audience
    }
}

/// One outbox row as the protocol shows it.
package struct DeliveryView: Codable, Sendable, Equatable {
    /// Its number (the idempotency key receivers see).
    package var id: Int64
    /// The notice's number.
    package var noticeID: Int64
    /// The notice's title.
    package var noticeTitle: String
    /// The channel's number.
    package var channelID: Int64
    /// The channel's name.
    package var channelName: String
    /// pending, sent or dead.
    package var state: DeliveryState
    /// Attempts made.
    package var attempts: Int
    /// When it is due next, while pending (ISO 8601).
    package var nextAttemptAt: String?
    /// Why the last attempt failed.
    package var lastError: String?
    /// When it was delivered (ISO 8601).
    package var sentAt: String?
    /// The notice, or word of its retraction.
    package var purpose: OutboxPurpose
    /// For e-mail: the member it is addressed to.
    package var memberName: String?
    /// Every attempt, first first (only in `delivery.show`).
    package var history: [DeliveryAttemptView]?

    /// Creates the view.
    package init(
        id: Int64,
        noticeID: Int64,
        noticeTitle: String,
        channelID: Int64,
        channelName: String,
        state: DeliveryState,
        attempts: Int,
        nextAttemptAt: String?,
        lastError: String?,
        sentAt: String?,
        purpose: OutboxPurpose = .notice,
        memberName: String? = nil,
        history: [DeliveryAttemptView]? = nil
    ) {
        self.id = id
        self.noticeID = noticeID
        self.noticeTitle = noticeTitle
        self.channelID = channelID
        self.channelName = channelName
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.sentAt = sentAt
        self.purpose = purpose
        self.memberName = memberName
        self.history = history
    }
}

/// One attempt to deliver, as `delivery.show` lists it.
package struct DeliveryAttemptView: Codable, Sendable, Equatable {
    /// 1, 2, 3, ...
    package var attempt: Int
    /// When (ISO 8601).
    package var at: String
    /// delivered, retryable or permanent.
    package var outcome: DeliveryAttemptRecord.Outcome
    /// What the far end or the transport said, when it failed.
    package var error: String?

    /// Creates the line.
    package init(attempt: Int, at: String, outcome: DeliveryAttemptRecord.Outcome, error: String?) {
        self.attempt = attempt
        self.at = at
        self.outcome = outcome
        self.error = error
    }
}

/// What a test message through a channel came to.
package struct ChannelTestResult: Codable, Sendable, Equatable {
    /// The channel.
    package var channel: ChannelView
    /// Whether the far end took it.
    package var delivered: Bool
    /// What the far end or the transport said, in Chinese.
    package var detail: String

    /// Creates the result.
    package init(channel: ChannelView, delivered: Bool, detail: String) {
        self.channel = channel
        self.delivered = delivered
        self.detail = detail
    }
}

/// A test message to send through a channel, as the core words it.
package struct ChannelTestMessage: Sendable, Equatable {
    /// The title.
    package var title: String
    /// The body.
    package var body: String
    /// For a mail server: the address to write to.
    package var recipient: String?

    /// Creates the message.
    package init(title: String, body: String, recipient: String?) {
        self.title = title
        self.body = body
        self.recipient = recipient
    }
}
