import Foundation

/// One message ready for a channel: what the outbox hands to `DeliveryChannel.deliver`.
package struct OutgoingMessage: Sendable, Hashable {
    /// How the body is written.
    package enum Format: String, Sendable, Hashable {
        /// Plain text, sent as is.
        case plainText
        /// Markdown, for the robots that render it; e-mail sends it as text.
        case markdown
    }

    /// How urgent the message is; channels mark high and urgent messages visibly.
    package enum Priority: String, Sendable, Hashable, Comparable {
        /// An ordinary notice.
        case normal
        /// Worth attention today.
        case high
        /// Needs attention now.
        case urgent

        /// Orders priorities from normal to urgent.
        package static func < (lhs: Self, rhs: Self) -> Bool {
            let order: [Self] = [.normal, .high, .urgent]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    /// The outbox row id: the idempotency key receivers use to drop a retried duplicate.
    package var outboxID: Int64
    /// The title (e-mail subject, robot heading).
    package var title: String
    /// The body.
    package var body: String
    /// How the body is written.
    package var format: Format
    /// How urgent the message is.
    package var priority: Priority
    /// Who it is for: e-mail addresses for e-mail, mobile numbers or user ids to mention for the robots, passed
    /// through as is for the generic webhook.
    package var recipients: [String]

    /// A message.
    package init(
        outboxID: Int64,
        title: String,
        body: String,
        format: Format = .plainText,
        priority: Priority = .normal,
        recipients: [String] = []
    ) {
        self.outboxID = outboxID
        self.title = title
        self.body = body
        self.format = format
        self.priority = priority
        self.recipients = recipients
    }

    /// The idempotency key as text.
    package var idempotencyKey: String { String(outboxID) }

    /// The title with a visible mark for high and urgent messages, for the robots.
    var markedTitle: String {
        switch priority {
        case .normal: title
        case .high: "【重要】\(title)"
        case .urgent: "【紧急】\(title)"
        }
    }
}
