import Foundation

/// A 飞书 custom robot: `https://open.feishu.cn/open-apis/bot/v2/hook/…`.
///
/// Markdown goes out as an interactive card with a markdown element, plain text as a `post` message. With a
/// signing secret, the body carries `timestamp` (seconds) and `sign`, the base64 HMAC-SHA256 keyed with
/// `"<timestamp>\n<secret>"` over empty data (飞书's scheme: the key is the string to sign). Delivered only when
/// `code` (or the older `StatusCode`) is 0; 9499 and 11232 (rate limits) are retryable; 19021 (bad signature or
/// stale timestamp), 19024 (keyword missing) and any other code are permanent.
package struct FeishuRobotChannel: HTTPDeliveryChannel, CustomStringConvertible {
    /// The text limit kept under the API's 20 KB request limit, in UTF-8 bytes.
    package static let textLimit = 18_000

    /// The webhook URL; its last path component is the robot's secret.
    package let webhookURL: ChannelSecret
    /// The signing secret, nil when the robot does not sign.
    package let secret: ChannelSecret?
    private let client: CurlClient

    /// A robot channel sending through `client`.
    package init(webhookURL: String, secret: String?, client: CurlClient) {
        self.webhookURL = ChannelSecret(webhookURL)
        self.secret = secret.map(ChannelSecret.init)
        self.client = client
    }

    /// Names the kind and the host only.
    package var description: String { "feishu(\(ChannelHost.of(webhookURL.value)))" }

    /// The client that sends.
    package var transport: CurlClient { client }

    /// The request for `message` signed at `instant`.
    package func request(for message: OutgoingMessage, at instant: Date) -> HTTPRequest {
        var payload = Payload()
        if let secret {
            let timestamp = String(Signing.unixSeconds(instant))
            payload.timestamp = timestamp
            payload.sign = Data(Signing.hmacSHA256(key: timestamp + "\n" + secret.value, message: ""))
                .base64EncodedString()
        }
        switch message.format {
        case .markdown:
            let mentions = message.recipients.map { "<at id=\($0)></at>" }.joined(separator: " ")
            let tail = mentions.isEmpty ? "" : "\n" + mentions
            payload.msg_type = "interactive"
            payload.card = Card(
                header: .init(
                    title: .init(tag: "plain_text", content: message.markedTitle),
                    template: Self.template(for: message.priority)
                ),
                elements: [
                    .init(
                        tag: "markdown",
                        content: message.body.truncatedUTF8(to: Self.textLimit - tail.utf8.count) + tail
                    )
                ]
            )
        case .plainText:
            var lines = [[PostElement(tag: "text", text: message.body.truncatedUTF8(to: Self.textLimit))]]
            if !message.recipients.isEmpty {
                lines.append(message.recipients.map { PostElement(tag: "at", user_id: $0) })
            }
            payload.msg_type = "post"
            payload.content = .init(post: ["zh_cn": .init(title: message.markedTitle, content: lines)])
        }
        return HTTPRequest(
            url: webhookURL.value,
            headers: [HTTPHeader("Content-Type", "application/json; charset=utf-8")],
            body: WebhookChannel.encode(payload)
        )
    }

    /// The outcome of `response`, read from its `code`.
    package func classify(_ response: HTTPResponse) -> DeliveryOutcome {
        let hookID = URL(string: webhookURL.value)?.lastPathComponent ?? ""
        return Self.vendor.classify(response, secrets: [webhookURL, secret, ChannelSecret(hookID)])
    }

    private static let vendor = RobotVendor(
        name: "飞书机器人",
        code: { $0.code ?? $0.StatusCode },
        message: { $0.msg ?? $0.StatusMessage },
        retryableCodes: [9499, 11232],
        rateLimitCodes: [9499, 11232]
    )

    private static func template(for priority: OutgoingMessage.Priority) -> String {
        switch priority {
        case .normal: "blue"
        case .high: "orange"
        case .urgent: "red"
        }
    }

    struct Payload: Codable, Hashable {
        var timestamp: String?
        var sign: String?
        var msg_type = ""
        var content: PostContent?
        var card: Card?
    }

    struct PostContent: Codable, Hashable {
        struct Post: Codable, Hashable {
            var title: String
            var content: [[PostElement]]
        }

        var post: [String: Post]
    }

    struct PostElement: Codable, Hashable {
        var tag: String
        var text: String?
        var user_id: String?
    }

    struct Card: Codable, Hashable {
        struct Header: Codable, Hashable {
            var title: Text
            var template: String
        }

        struct Text: Codable, Hashable {
            var tag: String
            var content: String
        }

        var header: Header
        var elements: [Text]
    }
}
