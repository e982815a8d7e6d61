import Foundation

/// A generic webhook: the message as JSON, POSTed with an HMAC signature the receiver can check.
///
/// Headers: `X-Partyd-Timestamp` (Unix seconds of the attempt), `X-Partyd-Signature` (hex HMAC-SHA256 over
/// `"<timestamp>.<body>"` with the channel secret) and `Idempotency-Key` (the outbox id, the same on every retry).
/// 2xx is delivered; 408, 429, 5xx, timeouts and connection errors are retryable; other statuses are permanent.
package struct WebhookChannel: HTTPDeliveryChannel, CustomStringConvertible {
    /// The receiver's URL (http or https).
    package let url: ChannelSecret
    /// The signing secret shared with the receiver.
    package let secret: ChannelSecret
    private let client: CurlClient

    /// A webhook channel sending through `client`.
    package init(url: String, secret: String, client: CurlClient) {
        self.url = ChannelSecret(url)
        self.secret = ChannelSecret(secret)
        self.client = client
    }

    /// Names the kind and the host only.
    package var description: String { "webhook(\(ChannelHost.of(url.value)))" }

    /// The client that sends.
    package var transport: CurlClient { client }

    /// The request for `message` at `instant`.
    package func request(for message: OutgoingMessage, at instant: Date) -> HTTPRequest {
        let timestamp = String(Signing.unixSeconds(instant))
        let body = Self.encode(
            Payload(
                id: message.idempotencyKey,
                title: message.title,
                body: message.body,
                format: message.format.rawValue,
                priority: message.priority.rawValue,
                recipients: message.recipients,
                timestamp: Signing.unixSeconds(instant)
            )
        )
        let signed = timestamp + "." + String(decoding: body, as: UTF8.self)
        let signature = Signing.hex(Signing.hmacSHA256(key: secret.value, message: signed))
        return HTTPRequest(
            url: url.value,
            headers: [
                HTTPHeader("Content-Type", "application/json; charset=utf-8"),
                HTTPHeader("X-Partyd-Timestamp", timestamp),
                HTTPHeader("X-Partyd-Signature", signature),
                HTTPHeader("Idempotency-Key", message.idempotencyKey),
            ],
            body: body
        )
    }

    /// The outcome of `response`: the status is the whole contract of a generic webhook.
    package func classify(_ response: HTTPResponse) -> DeliveryOutcome {
        DeliveryOutcome(response)
    }

    /// The JSON a webhook receives.
    struct Payload: Codable, Hashable {
        var id: String
        var title: String
        var body: String
        var format: String
        var priority: String
        var recipients: [String]
        var timestamp: Int64
    }

    static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        // Stable bytes make the signature reproducible and the tests exact.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain structs of strings and numbers cannot fail.
        return try! encoder.encode(value)
    }
}

/// The host of a URL, for descriptions that must not show its path or query (robot keys live there).
enum ChannelHost {
    /// The host, or a placeholder when the URL does not parse.
    static func of(_ url: String) -> String {
        URLComponents(string: url)?.host ?? "?"
    }
}
