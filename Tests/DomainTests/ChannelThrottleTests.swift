import Foundation
import Testing

@testable import Domain

/// One channel's pacing as a pure state machine: transfers at once, a sliding minute, and pauses asked for.
@Suite("Channel throttle")
struct ChannelThrottleTests {
    static let start = Date(timeIntervalSince1970: 1_795_399_200)

    @Test func concurrencyBoundsTransfersAtOnce() {
        var throttle = ChannelThrottle(pace: ChannelPace(concurrency: 2, perMinute: nil))
        #expect(throttle.available(at: Self.start) == 2)
        throttle.start(at: Self.start)
        throttle.start(at: Self.start)
        #expect(throttle.available(at: Self.start) == 0)
        throttle.finish()
        #expect(throttle.available(at: Self.start) == 1)
    }

    @Test func aRobotGetsTwentyMessagesInAnySlidingMinute() {
        var throttle = ChannelThrottle(pace: .standard(for: .wecom))
        var now = Self.start
        for _ in 0..<20 {
            #expect(throttle.available(at: now) == 1)
            throttle.start(at: now)
            throttle.finish()
            now.addTimeInterval(1)
        }
        #expect(throttle.available(at: now) == 0)
        // The first start leaves the window 60 s after it was made, and not before.
        #expect(throttle.available(at: Self.start.addingTimeInterval(59.999)) == 0)
        #expect(throttle.available(at: Self.start.addingTimeInterval(60)) == 1)
    }

    @Test func aPauseHoldsEverythingUntilItEndsAndOnlyALaterOneExtendsIt() {
        var throttle = ChannelThrottle(pace: .standard(for: .webhook))
        throttle.pause(until: Self.start.addingTimeInterval(120))
        throttle.pause(until: Self.start.addingTimeInterval(30))
        #expect(throttle.available(at: Self.start.addingTimeInterval(119)) == 0)
        #expect(throttle.available(at: Self.start.addingTimeInterval(120)) == 8)
        #expect(!throttle.isIdle(at: Self.start.addingTimeInterval(119)))
        #expect(throttle.isIdle(at: Self.start.addingTimeInterval(120)))
    }

    @Test func aThrottledAttemptWaitsAsLongAsTheReceiverAsked() {
        let policy = DeliveryPolicy(maximumAttempts: 3)
        let decided = policy.decide(
            .throttled("HTTP 429", retryAfter: 120),
            attemptsBefore: 0,
            now: Self.start,
            jitter: 0
        )
        #expect(decided.state == .pending && decided.nextAttemptAt == Self.start.addingTimeInterval(120))
        #expect(decided.error?.contains("限流") == true)
        let last = policy.decide(.throttled("HTTP 429", retryAfter: 120), attemptsBefore: 2, now: Self.start, jitter: 0)
        #expect(last.state == .dead)
    }
}
