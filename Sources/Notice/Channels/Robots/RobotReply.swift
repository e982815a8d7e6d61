import Foundation

/// The JSON a chat robot answers with; each vendor names its result code differently.
struct RobotReply: Decodable {
    /// 企业微信 and 钉钉.
    var errcode: Int?
    var errmsg: String?
    /// 飞书.
    var code: Int?
    var msg: String?
    /// 飞书's older spelling, still sent alongside `code`.
    var StatusCode: Int?
    var StatusMessage: String?
}

/// How a robot's vendor reports results: its name for messages and the codes worth retrying.
struct RobotVendor: Sendable {
    /// The robot's name in Chinese, for reasons.
    var name: String
    /// The result code in a reply, nil when the reply has none.
    var code: @Sendable (RobotReply) -> Int?
    /// The vendor's message in a reply.
    var message: @Sendable (RobotReply) -> String?
    /// Codes that mean "later": rate limits and the vendor's "system busy".
    var retryableCodes: Set<Int>
    /// Of those, the rate limits: the robot is paused as well as the message retried.
    var rateLimitCodes: Set<Int>

    /// The outcome of `response`: delivered only when the HTTP status is 2xx and the body's code is 0; a code
    /// the vendor documents as temporary, or a 408/429/5xx status, is retryable; any other code is permanent.
    func classify(_ response: HTTPResponse, secrets: [ChannelSecret?]) -> DeliveryOutcome {
        let reply = try? JSONDecoder().decode(RobotReply.self, from: response.body)
        guard let reply, let code = code(reply) else {
            if (200..<300).contains(response.status) {
                // A 200 from a proxy or a captive portal is not a robot's acceptance.
                return .retryable(reason: "\(name)返回 HTTP \(response.status),但应答中没有结果码")
            }
            return DeliveryOutcome(response)
        }
        let text = (message(reply) ?? "").redacting(secrets).truncatedUTF8(to: 200)
        let reason = "\(name)返回 HTTP \(response.status),错误码 \(code)" + (text.isEmpty ? "" : ":\(text)")
        if code == 0 {
            return (200..<300).contains(response.status) ? .delivered : DeliveryOutcome(response)
        }
        if rateLimitCodes.contains(code) || response.status == 429 {
            return .throttled(reason: reason, retryAfter: response.retryAfter ?? DeliveryOutcome.defaultPause)
        }
        if retryableCodes.contains(code) || response.status == 408 || response.status >= 500 {
            return .retryable(reason: reason)
        }
        return .permanent(reason: reason)
    }
}
