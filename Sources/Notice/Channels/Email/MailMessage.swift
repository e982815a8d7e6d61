import Foundation

/// The RFC 5322 / MIME text of one notice e-mail: a single `text/plain; charset=UTF-8` part.
package struct MailMessage: Sendable, Hashable {
    /// The sender's address.
    package var senderAddress: String
    /// The sender's display name, nil for the bare address.
    package var senderName: String?
    /// The recipients, all in `To`.
    package var recipients: [String]
    /// How the body is encoded.
    package var bodyEncoding: MIMEEncoding.BodyEncoding
    /// The offset of the `Date` header's zone from UTC, in seconds (Asia/Shanghai is +8 hours).
    package var utcOffsetSeconds: Int

    /// A message layout.
    package init(
        senderAddress: String,
        senderName: String?,
        recipients: [String],
        bodyEncoding: MIMEEncoding.BodyEncoding,
        utcOffsetSeconds: Int
    ) {
        self.senderAddress = senderAddress
        self.senderName = senderName
        self.recipients = recipients
        self.bodyEncoding = bodyEncoding
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// The message for `notice` dated `instant`, with CRLF line ends.
    ///
    /// `Message-ID` is `<outbox-id@partyd>`, the same on every retry, so a mail client shows a duplicate once.
    package func render(_ notice: OutgoingMessage, at instant: Date) -> Data {
        var headers = [
            "Date: " + MIMEEncoding.date(instant, offsetSeconds: utcOffsetSeconds),
            "From: " + from,
            "To: " + recipients.joined(separator: ",\r\n "),
            "Subject: " + MIMEEncoding.headerValue(notice.title),
            "Message-ID: <\(notice.outboxID)@partyd>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: " + bodyEncoding.rawValue,
            // Tells vacation responders and mailing lists not to answer a machine.
            "Auto-Submitted: auto-generated",
        ]
        switch notice.priority {
        case .normal: break
        case .high, .urgent: headers += ["X-Priority: 1", "Importance: high"]
        }
        let text = headers.joined(separator: "\r\n") + "\r\n\r\n" + MIMEEncoding.body(notice.body, as: bodyEncoding)
        return Data(text.utf8)
    }

    private var from: String {
        guard let senderName, !senderName.isEmpty else { return senderAddress }
        let atom = senderName.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == " "
        }
        return (atom ? senderName : MIMEEncoding.headerValue(senderName).replacingOccurrences(of: "\r\n ", with: " "))
            + " <\(senderAddress)>"
    }

    /// Whether `address` can go into an envelope and a header as is: ASCII, one `@`, no spaces, controls or
    /// angle brackets (which would let a recipient inject headers or SMTP commands).
    package static func isValidAddress(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, address.utf8.count <= 254 else { return false }
        return address.unicodeScalars.allSatisfy {
            (0x21...0x7E).contains($0.value) && !"<>()[],;:\\\"".unicodeScalars.contains($0)
        }
    }
}
