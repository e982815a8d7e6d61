import Foundation

/// What one attempt to deliver came to, as a channel judged it.
package enum DeliveryAttempt: Sendable, Equatable {
    /// The receiver took it.
    case delivered
    /// A failure that may pass (timeout, rate limit, 5xx): try again later.
    case retryable(String)
    /// A failure that will not pass (bad key, bad signature, 4xx): do not try again.
    case permanent(String)
    /// The receiver is rate-limiting and asked for `retryAfter` seconds of quiet: try again after that.
    case throttled(String, retryAfter: TimeInterval)

    /// The attempt as its history records it.
    package var outcome: DeliveryAttemptRecord.Outcome {
        switch self {
        case .delivered: .delivered
        case .retryable, .throttled: .retryable
        case .permanent: .permanent
        }
    }

    /// What went wrong, when it failed.
    package var failure: String? {
        switch self {
        case .delivered: nil
        case .retryable(let reason), .permanent(let reason): reason
        case .throttled(let reason, let retryAfter): "接收方限流（\(Int(retryAfter.rounded(.up))) 秒后再试）：\(reason)"
        }
    }
}

/// The retry rule of the outbox, as a pure decision: given an attempt's result, the attempts before it, the
/// time and a random number for jitter, where the row goes next. Exponential backoff from `baseDelay`, at most
/// `maximumDelay`, up to `maximumAttempts` attempts; jitter spreads retries so that one endpoint coming back is
/// not hit by every waiting message at once.
package struct DeliveryPolicy: Sendable, Equatable {
    /// Attempts before a retryable failure becomes final.
    package var maximumAttempts: Int
    /// The delay after the first failure.
    package var baseDelay: TimeInterval
    /// The longest delay between attempts.
    package var maximumDelay: TimeInterval

    /// Creates the policy (defaults: 8 attempts, 30 s doubling up to 6 hours).
    package init(maximumAttempts: Int = 8, baseDelay: TimeInterval = 30, maximumDelay: TimeInterval = 6 * 3600) {
        self.maximumAttempts = maximumAttempts
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
    }

    /// The row's next state after `attempt`, which was attempt number `attemptsBefore + 1`, at `now`;
    /// `jitter` is a number in 0..<1 (a random one in production, fixed in tests).
    package func decide(
        _ attempt: DeliveryAttempt,
        attemptsBefore: Int,
        now: Date,
        jitter: Double
    ) -> (state: DeliveryState, nextAttemptAt: Date, error: String?) {
        switch attempt {
        case .delivered:
            return (.sent, now, nil)
        case .permanent(let reason):
            return (.dead, now, reason)
        case .throttled(let reason, let retryAfter):
            let attempts = attemptsBefore + 1
            guard attempts < maximumAttempts else {
                return (.dead, now, "已尝试 \(attempts) 次仍被限流：\(reason)")
            }
            // The receiver named the wait: keep to it (within the longest delay), spread by a tenth at most.
            let delay = min(maximumDelay, max(1, retryAfter)) * (1 + 0.1 * min(max(jitter, 0), 1))
            return (.pending, now.addingTimeInterval(delay), attempt.failure)
        case .retryable(let reason):
            let attempts = attemptsBefore + 1
            guard attempts < maximumAttempts else {
                return (.dead, now, "已尝试 \(attempts) 次仍失败：\(reason)")
            }
            let exponential = min(maximumDelay, baseDelay * pow(2, Double(attempts - 1)))
            // Full delay plus up to half again, so retries spread out but never come sooner than the backoff.
            let delay = exponential * (1 + 0.5 * min(max(jitter, 0), 1))
            return (.pending, now.addingTimeInterval(delay), reason)
        }
    }
}
