import Foundation

/// What one delivery attempt achieved, decided from the whole response (status and body), not the status alone.
package enum DeliveryOutcome: Sendable, Hashable, CustomStringConvertible {
    /// The receiver accepted the message.
    case delivered
    /// Not delivered, and a later attempt may succeed (rate limit, timeout, server error).
    case retryable(reason: String)
    /// Not delivered because the receiver is rate-limiting: wait `retryAfter` seconds before sending this channel
    /// anything more (HTTP 429 with Retry-After, a robot's "too fast" code).
    case throttled(reason: String, retryAfter: TimeInterval)
    /// Not delivered, and retrying the same message to the same channel cannot succeed (bad key, bad signature,
    /// refused address): the outbox stops and tells the operator.
    case permanent(reason: String)

    /// A Chinese sentence for operators.
    package var description: String {
        switch self {
        case .delivered: "已送达"
        case .retryable(let reason): "暂时失败,稍后重试:\(reason)"
        case .throttled(let reason, let retryAfter): "接收方限流,\(Int(retryAfter)) 秒后重试:\(reason)"
        case .permanent(let reason): "发送失败,不再重试:\(reason)"
        }
    }

    /// The outcome of a transfer that got no usable response.
    init(_ error: TransferError) {
        switch error.kind {
        case .timedOut, .connectionFailed, .cancelled, .unexpectedReply, .other:
            self = .retryable(reason: error.description)
        case .loginDenied, .tlsFailed, .invalidRequest:
            self = .permanent(reason: error.description)
        }
    }

    /// How long to leave a channel alone after a rate limit that named no time.
    static let defaultPause: TimeInterval = 60

    /// The outcome of a response whose status alone decides (a generic webhook): a 429, or any retryable status
    /// that came with Retry-After, pauses the channel.
    init(_ response: HTTPResponse) {
        self.init(httpStatus: response.status)
        if case .retryable(let reason) = self, response.status == 429 || response.retryAfter != nil {
            self = .throttled(reason: reason, retryAfter: response.retryAfter ?? Self.defaultPause)
        }
    }

    /// The outcome an HTTP status alone implies, for receivers whose body says nothing more.
    init(httpStatus status: Int) {
        switch status {
        case 200..<300:
            self = .delivered
        case 408, 429, 500..<600:
            self = .retryable(reason: "接收方返回 HTTP \(status)")
        default:
            self = .permanent(reason: "接收方返回 HTTP \(status)")
        }
    }
}
