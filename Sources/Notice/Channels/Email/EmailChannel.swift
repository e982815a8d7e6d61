import Foundation

/// E-mail through an SMTP server with libcurl: `smtp://` (STARTTLS optional or required) or `smtps://`, with or
/// without a login.
///
/// A refusal is classified by the server's reply code, not by libcurl's code alone: 4xx (mailbox busy, greylisted,
/// too many connections) is retryable, 5xx (unknown mailbox, relay refused, bad login) is permanent; without a
/// reply code, timeouts and connection errors are retryable.
package struct EmailChannel: DeliveryChannel, CustomStringConvertible {
    /// Where and how to submit.
    package struct Settings: Sendable {
        /// `smtp://host:port` or `smtps://host:port`.
        package var url: String
        /// How the connection is protected.
        package var security: MailSecurity
        /// The login name, nil for a relay that takes mail without one.
        package var username: String?
        /// The password.
        package var password: ChannelSecret?
        /// The sender's address (envelope and `From`).
        package var senderAddress: String
        /// The sender's display name.
        package var senderName: String?
        /// How bodies are encoded.
        package var bodyEncoding: MIMEEncoding.BodyEncoding
        /// The `Date` header's offset from UTC in seconds.
        package var utcOffsetSeconds: Int

        /// Settings; the defaults suit a Chinese deployment (Beijing time, base64 bodies).
        package init(
            url: String,
            security: MailSecurity = .startTLSIfOffered,
            username: String? = nil,
            password: String? = nil,
            senderAddress: String,
            senderName: String? = nil,
            bodyEncoding: MIMEEncoding.BodyEncoding = .base64,
            utcOffsetSeconds: Int = 8 * 3600
        ) {
            self.url = url
            self.security = security
            self.username = username
            self.password = password.map(ChannelSecret.init)
            self.senderAddress = senderAddress
            self.senderName = senderName
            self.bodyEncoding = bodyEncoding
            self.utcOffsetSeconds = utcOffsetSeconds
        }
    }

    /// Where and how to submit.
    package let settings: Settings
    private let client: CurlClient

    /// An e-mail channel submitting through `client`.
    package init(settings: Settings, client: CurlClient) {
        self.settings = settings
        self.client = client
    }

    /// Names the kind and the server's host only.
    package var description: String { "email(\(ChannelHost.of(settings.url)))" }

    /// Submits `message` to its recipients and classifies the result.
    package func deliver(_ message: OutgoingMessage, at instant: Date) async -> DeliveryOutcome {
        let envelope: MailEnvelope
        do {
            envelope = try self.envelope(for: message, at: instant)
        } catch {
            return .permanent(reason: error.reason)
        }
        do {
            try await client.send(envelope)
            return .delivered
        } catch {
            return classify(error)
        }
    }

    /// The submission for `message` at `instant`; throws when its addresses cannot be used.
    package func envelope(for message: OutgoingMessage, at instant: Date) throws(MailRefusal) -> MailEnvelope {
        guard !message.recipients.isEmpty else { throw MailRefusal(reason: "邮件没有收件人") }
        if let bad = ([settings.senderAddress] + message.recipients).first(where: { !MailMessage.isValidAddress($0) }) {
            throw MailRefusal(reason: "邮件地址无效:\(bad.truncatedUTF8(to: 100).debugDescription)")
        }
        let layout = MailMessage(
            senderAddress: settings.senderAddress,
            senderName: settings.senderName,
            recipients: message.recipients,
            bodyEncoding: settings.bodyEncoding,
            utcOffsetSeconds: settings.utcOffsetSeconds
        )
        return MailEnvelope(
            url: settings.url,
            security: settings.security,
            username: settings.username,
            password: settings.password?.value,
            sender: settings.senderAddress,
            recipients: message.recipients,
            message: layout.render(message, at: instant)
        )
    }

    /// The outcome of a refused or failed submission: the SMTP reply class first, libcurl's code otherwise.
    package func classify(_ error: TransferError) -> DeliveryOutcome {
        switch error.responseCode {
        case 400..<500: .retryable(reason: "邮件服务器暂时拒绝:\(error.description)")
        case 500..<600: .permanent(reason: "邮件服务器拒绝:\(error.description)")
        default: DeliveryOutcome(error)
        }
    }
}

/// Why a notice cannot become an e-mail at all; delivering it is a permanent failure.
package struct MailRefusal: Error, Sendable, Hashable {
    /// A Chinese sentence for operators.
    package let reason: String
}
