import Foundation

/// A 企业微信 group robot: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…`, a markdown message.
///
/// Delivered only when the reply's `errcode` is 0; 45009 (rate limit, 20 messages a minute) and -1 (system busy)
/// are retryable; anything else, such as 93000 (invalid webhook key), is permanent.
package struct WeComRobotChannel: HTTPDeliveryChannel, CustomStringConvertible {
    /// The markdown content limit the API enforces, in UTF-8 bytes.
    package static let contentLimit = 4096

    /// The webhook URL; its `key` is the robot's secret.
    package let webhookURL: ChannelSecret
    private let client: CurlClient

    /// A robot channel sending through `client`.
    package init(webhookURL: String, client: CurlClient) {
        self.webhookURL = ChannelSecret(webhookURL)
        self.client = client
    }

    /// Names the kind and the host only.
    package var description: String { "wecom(\(ChannelHost.of(webhookURL.value)))" }

    /// The client that sends.
    package var transport: CurlClient { client }

    /// The request for `message`; the robot takes no timestamp, `instant` is unused.
    package func request(for message: OutgoingMessage, at instant: Date) -> HTTPRequest {
        // Mentions by user id work in markdown messages as `<@userid>`.
        let mentions = message.recipients.map { "<@\($0)>" }.joined(separator: " ")
        var content = "## \(message.markedTitle)\n\n\(message.body)"
        if !mentions.isEmpty {
            // The mentions go last and are kept whole when the body is cut.
            let tail = "\n\n" + mentions
            content = content.truncatedUTF8(to: Self.contentLimit - tail.utf8.count) + tail
        } else {
            content = content.truncatedUTF8(to: Self.contentLimit)
        }
        let body = WebhookChannel.encode(Payload(msgtype: "markdown", markdown: .init(content: content)))
        return HTTPRequest(
            url: webhookURL.value,
            headers: [HTTPHeader("Content-Type", "application/json; charset=utf-8")],
            body: body
        )
    }

    /// The outcome of `response`, read from its `errcode`.
    package func classify(_ response: HTTPResponse) -> DeliveryOutcome {
        Self.vendor.classify(response, secrets: [webhookURL, ChannelSecret(Self.key(in: webhookURL.value) ?? "")])
    }

    private static let vendor = RobotVendor(
        name: "企业微信机器人",
        code: { $0.errcode },
        message: { $0.errmsg },
        retryableCodes: [-1, 45009],
        rateLimitCodes: [45009]
    )

    private static func key(in url: String) -> String? {
        URLComponents(string: url)?.queryItems?.first { $0.name == "key" }?.value
    }

    struct Payload: Codable, Hashable {
        struct Markdown: Codable, Hashable {
            var content: String
        }

        var msgtype: String
        var markdown: Markdown
    }
}
