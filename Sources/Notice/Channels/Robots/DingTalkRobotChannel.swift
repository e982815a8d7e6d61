import Foundation

/// A 钉钉 custom robot: `https://oapi.dingtalk.com/robot/send?access_token=…`, a markdown message.
///
/// With a signing secret (加签), the URL gets `timestamp` (milliseconds) and `sign`, the URL-encoded base64
/// HMAC-SHA256 of `"<timestamp>\n<secret>"` keyed with the secret. With a keyword (自定义关键词), the keyword goes into
/// every message's title and text, since the robot drops messages without it. Delivered only when `errcode` is 0;
/// 130101 (sending too fast) and -1 (system busy) are retryable; 310000 (keyword, signature or IP refused) and any
/// other code are permanent.
package struct DingTalkRobotChannel: HTTPDeliveryChannel, CustomStringConvertible {
    /// The markdown text limit the API enforces, in UTF-8 bytes.
    package static let textLimit = 20_000

    /// The webhook URL; its `access_token` is the robot's secret.
    package let webhookURL: ChannelSecret
    /// The 加签 secret (`SEC…`), nil when the robot does not sign.
    package let secret: ChannelSecret?
    /// The 自定义关键词 every message must contain, nil when the robot uses none.
    package let keyword: String?
    private let client: CurlClient

    /// A robot channel sending through `client`.
    package init(webhookURL: String, secret: String?, keyword: String?, client: CurlClient) {
        self.webhookURL = ChannelSecret(webhookURL)
        self.secret = secret.map(ChannelSecret.init)
        self.keyword = keyword.flatMap { $0.isEmpty ? nil : $0 }
        self.client = client
    }

    /// Names the kind and the host only.
    package var description: String { "dingtalk(\(ChannelHost.of(webhookURL.value)))" }

    /// The client that sends.
    package var transport: CurlClient { client }

    /// The request for `message` signed at `instant`.
    package func request(for message: OutgoingMessage, at instant: Date) -> HTTPRequest {
        var url = webhookURL.value
        if let secret {
            let timestamp = String(Signing.unixMilliseconds(instant))
            let signature = Signing.hmacSHA256(key: secret.value, message: timestamp + "\n" + secret.value)
            let sign = Signing.percentEncoded(Data(signature).base64EncodedString())
            url += (url.contains("?") ? "&" : "?") + "timestamp=\(timestamp)&sign=\(sign)"
        }
        let title = keyword.map { "[\($0)] \(message.markedTitle)" } ?? message.markedTitle
        // The robot only notifies a mentioned member when the text also says "@<mobile>".
        let mentions = message.recipients.map { "@\($0)" }.joined(separator: " ")
        let tail = mentions.isEmpty ? "" : "\n\n" + mentions
        let text = "### \(title)\n\n\(message.body)".truncatedUTF8(to: Self.textLimit - tail.utf8.count) + tail
        let payload = Payload(
            msgtype: "markdown",
            markdown: .init(title: title, text: text),
            at: .init(atMobiles: message.recipients, isAtAll: false)
        )
        return HTTPRequest(
            url: url,
            headers: [HTTPHeader("Content-Type", "application/json; charset=utf-8")],
            body: WebhookChannel.encode(payload)
        )
    }

    /// The outcome of `response`, read from its `errcode`.
    package func classify(_ response: HTTPResponse) -> DeliveryOutcome {
        Self.vendor.classify(
            response,
            secrets: [webhookURL, secret, ChannelSecret(Self.token(in: webhookURL.value) ?? "")]
        )
    }

    private static let vendor = RobotVendor(
        name: "钉钉机器人",
        code: { $0.errcode },
        message: { $0.errmsg },
        retryableCodes: [-1, 130_101],
        rateLimitCodes: [130_101]
    )

    private static func token(in url: String) -> String? {
        URLComponents(string: url)?.queryItems?.first { $0.name == "access_token" }?.value
    }

    struct Payload: Codable, Hashable {
        struct Markdown: Codable, Hashable {
            var title: String
            var text: String
        }

        struct At: Codable, Hashable {
            var atMobiles: [String]
            var isAtAll: Bool
        }

        var msgtype: String
        var markdown: Markdown
        var at: At
    }
}
