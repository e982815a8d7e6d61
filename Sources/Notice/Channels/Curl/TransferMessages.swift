import Foundation

/// One header line of an HTTP request.
package struct HTTPHeader: Sendable, Hashable {
    /// The field name, as sent.
    package var name: String
    /// The field value; it must not contain CR or LF.
    package var value: String

    /// A header line.
    package init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// A POST request a channel built; the URL may carry a secret (a robot's key), so it is never printed.
package struct HTTPRequest: Sendable {
    /// The full URL, query included.
    package var url: String
    /// The header lines, in order.
    package var headers: [HTTPHeader]
    /// The request body.
    package var body: Data

    /// A POST request.
    package init(url: String, headers: [HTTPHeader], body: Data) {
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The value of the first header called `name` (case-insensitive), for tests and logs.
    package func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// What the server answered to an HTTP request.
package struct HTTPResponse: Sendable, Hashable {
    /// The HTTP status code.
    package var status: Int
    /// The response body, cut at the client's response limit.
    package var body: Data
    /// How long the server asked to be left alone (its `Retry-After`, as seconds or a date), when it did.
    package var retryAfter: TimeInterval?

    /// A response.
    package init(status: Int, body: Data, retryAfter: TimeInterval? = nil) {
        self.status = status
        self.body = body
        self.retryAfter = retryAfter
    }
}

/// How an SMTP connection is protected.
package enum MailSecurity: Sendable, Hashable {
    /// Plain `smtp://`, no STARTTLS even when offered (only for a relay on the same host).
    case none
    /// `smtp://` upgraded with STARTTLS when the server offers it, plain otherwise.
    case startTLSIfOffered
    /// `smtp://` that fails unless STARTTLS succeeds.
    case startTLSRequired
    /// `smtps://`: TLS from the first byte (the scheme of the URL decides; this only documents it).
    case implicitTLS
}

/// One SMTP submission: the envelope and the finished RFC 5322 message.
package struct MailEnvelope: Sendable {
    /// `smtp://host:port` or `smtps://host:port`.
    package var url: String
    /// How the connection is protected.
    package var security: MailSecurity
    /// The login name, nil for an unauthenticated relay.
    package var username: String?
    /// The password; never printed.
    package var password: String?
    /// The envelope sender (MAIL FROM).
    package var sender: String
    /// The envelope recipients (RCPT TO).
    package var recipients: [String]
    /// The message, headers and body, with CRLF line ends.
    package var message: Data

    /// An SMTP submission.
    package init(
        url: String,
        security: MailSecurity,
        username: String?,
        password: String?,
        sender: String,
        recipients: [String],
        message: Data
    ) {
        self.url = url
        self.security = security
        self.username = username
        self.password = password
        self.sender = sender
        self.recipients = recipients
        self.message = message
    }
}
